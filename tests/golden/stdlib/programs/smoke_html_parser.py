from html.parser import HTMLParser
class Collector(HTMLParser):
    def __init__(self, **kw):
        super().__init__(**kw); self.events = []
    def handle_starttag(self, tag, attrs): self.events.append(("start", tag, attrs))
    def handle_endtag(self, tag): self.events.append(("end", tag))
    def handle_startendtag(self, tag, attrs): self.events.append(("startend", tag, attrs))
    def handle_data(self, data):
        if data.strip(): self.events.append(("data", data))
    def handle_comment(self, data): self.events.append(("comment", data))
    def handle_entityref(self, name): self.events.append(("entity", name))
    def handle_charref(self, name): self.events.append(("charref", name))
    def handle_decl(self, decl): self.events.append(("decl", decl))
    def handle_pi(self, data): self.events.append(("pi", data))
doc = """<!DOCTYPE html><html><head><title>T &amp; T</title></head>
<body class="main" data-x='1' disabled><p id=p1>Hello <b>world</b>&nbsp;&#65;&#x42;</p><br/><img src="a.png" alt="">
<!-- a comment --><script>if (a < b) { x = "</p>"; }</script><?php echo 1 ?><UL><LI>One</ul></body></html>"""
p = Collector(); p.feed(doc); p.close()
for e in p.events: print(e)
q = Collector(convert_charrefs=False); q.feed("<p>&amp; &#65; &unknown; text</p>"); q.close(); print(q.events)
r = Collector(); r.feed("<a href='x"); r.feed("y'>split</a>"); r.close(); print(r.events, r.getpos())
