import html
print(html.escape("<a href=\"x\">Tom & 'Jerry'</a>"), html.escape("<b>'q'</b>", quote=False))
print(html.unescape("&lt;p&gt; &amp;amp; &copy; &#169; &#xA9; &eacute; &notin; &notit; &#0; &#x110000; &#128; &nbsp;|"), html.unescape("no entities"), html.unescape("&ampx &AMP; &frac12;"))
print(len(html.entities.html5), html.entities.name2codepoint["hearts"], html.entities.codepoint2name[0x3b1], html.entities.html5["gt;"])
