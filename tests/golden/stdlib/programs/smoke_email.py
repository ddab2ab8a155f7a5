import email, email.utils, email.header
from email import policy
from email.message import EmailMessage
raw = """From: Alice Example <alice@example.com>
To: bob@example.org, "Carol, C." <carol@example.net>
Subject: =?utf-8?q?Caf=C3=A9_meeting?=
Date: Tue, 05 Mar 2024 10:15:00 +0100
Message-ID: <123@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XYZ"

--XYZ
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

Hello Bob,=0Asee you at the caf=C3=A9.
--XYZ
Content-Type: application/octet-stream; name="data.bin"
Content-Disposition: attachment; filename="data.bin"
Content-Transfer-Encoding: base64

AAECAwQ=
--XYZ--
"""
m = email.message_from_string(raw)
print(m["From"], m["Subject"], m.get_content_type(), m.is_multipart(), m.get_boundary(), m.get_all("To"), len(m.get_payload()))
for part in m.walk():
    print(part.get_content_type(), part.get_filename(), part.get_content_charset(), part.get_payload(decode=True) if not part.is_multipart() else None)
print(email.header.decode_header(m["Subject"]), str(email.header.make_header(email.header.decode_header(m["Subject"]))))
m2 = email.message_from_string(raw, policy=policy.default)
print(m2["Subject"], m2["To"].addresses, m2["Date"].datetime, m2.get_body(("plain",)).get_content(), [a.get_filename() for a in m2.iter_attachments()])
print(email.utils.parseaddr("Bob <bob@x.org>"), email.utils.formataddr(("Zoë", "z@x.org")), email.utils.getaddresses(["a@b.c, D <d@e.f>"]), email.utils.parsedate_to_datetime("Tue, 05 Mar 2024 10:15:00 +0100"))
print(email.utils.format_datetime(email.utils.parsedate_to_datetime("Wed, 01 Jan 2020 00:00:00 -0000")), email.utils.quote('a"b'), email.utils.unquote('"q"'), email.utils.collapse_rfc2231_value(("utf-8", "", "x")))
msg = EmailMessage(); msg["From"] = "me@x.org"; msg["To"] = "you@y.org"; msg["Subject"] = "Hi ünïcode"; msg.set_content("Body line\n")
msg.add_attachment(b"\x00\x01", maintype="application", subtype="octet-stream", filename="a.bin")
s = msg.as_string(); import re; print(re.sub(r"=+_*\d+=*|boundary=\"[^\"]+\"", "<B>", s))
print(email.message_from_bytes(b"Subject: bytes\n\nbody").get_payload(), email.message_from_string("X: 1\n\nno headers parse").keys())
