from urllib.parse import urlparse, urlsplit, urlunparse, urlunsplit, urljoin, urldefrag, quote, quote_plus, unquote, unquote_plus, urlencode, parse_qs, parse_qsl, quote_from_bytes, unquote_to_bytes
u = urlparse("https://user:pw@Example.COM:8443/path/to;params?q=1&r=a+b#frag")
print(u, u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.path, u.params, u.query, u.fragment, u.geturl())
s = urlsplit("http://[::1]:80/a b?x=%20"); print(s, s.hostname, s.port, urlunsplit(s), urlunparse(("ftp", "h", "/p", "", "a=1", "")))
for rel in ["../d", "/abs", "g?y", "#s", "//other/x", "https://new/", ""]:
    print(rel, "->", urljoin("http://a/b/c/d;p?q", rel))
print(urldefrag("http://x/y#z"), quote("a b/c?d=é"), quote("a b/c", safe=""), quote_plus("a b&c=d"), unquote("%E2%98%83%zz"), unquote_plus("a+b%2B"))
print(urlencode({"q": "typhon vm", "n": 2, "l": ["a", "b"]}, doseq=True), urlencode([("k", "v&w")]), quote_from_bytes(b"\xff\x00"), unquote_to_bytes("%ff%00a"))
print(parse_qs("a=1&a=2&b=&c=x%20y", keep_blank_values=True), parse_qsl("a=1;b=2", separator=";"), parse_qs("x=1&y"))
print(urlparse("mailto:someone@example.com"), urlparse("file:///etc/hosts").path, urlsplit("//host:99").port, urlparse("relative/path?x").query)
for bad in ["http://h:99999/", "http://h:port/", "http://[::1/"]:
    try:
        p = urlsplit(bad); p.port
    except ValueError as e:
        print(type(e).__name__, e)
