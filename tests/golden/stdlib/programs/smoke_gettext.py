import gettext, os, struct
def write_mo(path, catalog):
    keys = sorted(catalog); ids = b""; strs = b""; offs = []
    for k in keys:
        kb, vb = k.encode(), catalog[k].encode()
        offs.append((len(ids), len(kb), len(strs), len(vb))); ids += kb + b"\0"; strs += vb + b"\0"
    n = len(keys); kstart = 7 * 4 + 16 * n; vstart = kstart + len(ids)
    out = struct.pack("Iiiiiii", 0x950412DE, 0, n, 7 * 4, 7 * 4 + n * 8, 0, 0)
    for o in offs: out += struct.pack("ii", o[1], o[0] + kstart)
    for o in offs: out += struct.pack("ii", o[3], o[2] + vstart)
    with open(path, "wb") as f: f.write(out + ids + strs)
os.makedirs("locale/fr/LC_MESSAGES")
write_mo("locale/fr/LC_MESSAGES/app.mo", {"": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n > 1);\n", "Hello": "Bonjour", "apple\0apples": "pomme\0pommes", "menu\x04Open": "Ouvrir", "Café": "Café ☕"})
t = gettext.translation("app", localedir="locale", languages=["fr"])
_ = t.gettext
print(_("Hello"), _("Missing"), t.ngettext("apple", "apples", 1), t.ngettext("apple", "apples", 3), t.pgettext("menu", "Open"), t.gettext("Café"), t.info()["content-type"], t.charset())
print(gettext.find("app", "locale", ["fr"]) == os.path.join("locale", "fr", "LC_MESSAGES", "app.mo"), gettext.find("app", "locale", ["de"]))
n = gettext.NullTranslations(); print(n.gettext("x"), n.ngettext("one", "many", 2), n.npgettext("c", "a", "b", 1))
fb = gettext.translation("nope", localedir="locale", languages=["de"], fallback=True); print(type(fb).__name__, fb.gettext("Hello"))
gettext.bindtextdomain("app", "locale"); gettext.textdomain("app"); os.environ["LANGUAGE"] = "fr"; print(gettext.gettext("Hello"), gettext.dgettext("app", "Hello"), gettext.ngettext("apple", "apples", 0))
f = gettext.c2py("n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2"); print([f(i) for i in [1, 2, 5, 11, 21, 22, 25]])
try:
    gettext.translation("nope", localedir="locale", languages=["de"])
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
