# Differential cases for pyexpat: every handler's events with their positions, errors with codes and positions,
# documents fed in chunks, and the stdlib parsers built on expat (ElementTree, minidom, sax). Run by
# tests/unit/modules/pyexpat.test.ts under Typhon; expected.txt is CPython 3.13's output (tools/capture_cases.py expat).
import pyexpat, io
import xml.etree.ElementTree as ET
import xml.dom.minidom as minidom
import xml.sax, xml.sax.handler

HANDLERS = ["StartElementHandler", "EndElementHandler", "CharacterDataHandler", "CommentHandler",
            "ProcessingInstructionHandler", "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "XmlDeclHandler",
            "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "StartCdataSectionHandler", "EndCdataSectionHandler",
            "EntityDeclHandler", "DefaultHandlerExpand", "SkippedEntityHandler"]

def events(doc, chunks=1, handlers=HANDLERS, **kw):
    opts = {k: kw.pop(k) for k in ("buffer_text", "ordered_attributes", "namespace_prefixes") if k in kw}
    p = pyexpat.ParserCreate(**kw)
    for k, v in opts.items():
        setattr(p, k, v)
    out = []
    for h in handlers:
        setattr(p, h, (lambda h: lambda *a: out.append((h[:-7],) + a + (p.CurrentLineNumber, p.CurrentColumnNumber)))(h))
    try:
        if chunks == 1:
            p.Parse(doc, True)
        else:
            n = max(1, len(doc) // chunks)
            for i in range(0, len(doc), n):
                p.Parse(doc[i:i + n], False)
            p.Parse(b"" if isinstance(doc, bytes) else "", True)
        out.append(("ok",))
    except pyexpat.ExpatError as e:
        out.append(("error", e.code, str(e), e.lineno, e.offset, p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber))
    except Exception as e:
        out.append(("exception", type(e).__name__, str(e)))
    return out

def merged(doc, chunks):
    # Chunk boundaries may split character data differently: compare the events with text merged, no positions.
    out = []
    for ev in events(doc, chunks):
        ev = ev[:-2] if ev[0] not in ("ok", "error", "exception") else ev
        if ev[0] == "CharacterData" and out and out[-1][0] == "CharacterData":
            out[-1] = ("CharacterData", out[-1][1] + ev[1])
        else:
            out.append(ev)
    return out

DOCS = [
    "<a/>", "<a></a>", "<a>text</a>", "<a x='1' y=\"2\">t</a>", "<a>x\ny\r\nz\rw</a>",
    "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n<r/>\n",
    "<?xml version=\"1.0\"?><!-- c1 --><r><!--c2--><?pi  some data ?><?empty?></r><!--c3-->",
    "<r>a &amp; b &lt; c &gt; d &apos; e &quot; f &#65;&#x42;&#x1F600;</r>",
    "<r><![CDATA[ <not> & tags\nline2 ]]></r>",
    "<!DOCTYPE r [<!ENTITY e 'ent'><!ENTITY f '&e;+&e;'><!ENTITY g '<b>bold</b>'>]><r>&e;|&f;|&g;</r>",
    "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Strict//EN' 'http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd'><html>&nbsp;</html>",
    "<!DOCTYPE r SYSTEM 'r.dtd'><r a='&x;'/>",
    "<r a='x&#10;y' b='p\tq\nr' c='&lt;&amp;'/>",
    "<a xmlns='urn:d' xmlns:x='urn:x'><x:b x:at='1' at2='2'/><c xmlns=''/></a>",
    "<a xml:lang='en'><b/></a>",
    "<root>\n  <child id='1'>one</child>\n  <child id='2'>two</child>\n</root>\n",
    "<r>é ü ß 中文 😀</r>",
    "  <r/>  ", "<r/><!-- after -->\n<?pi after?>",
    # errors
    "<a><b></a>", "<a>", "", "<a></a><b/>", "<a x='1' x='2'/>", "<a>&foo;</a>", "<a>&#0;</a>",
    "<a><!-- x -- y --></a>", "<a", "<a b=1/>", "text", "<a>\n  <b>\n</a>",
    "<?xml version='1.0'?><?xml version='1.0'?><a/>", "<a>]]></a>", "<a><![CDATA[x</a>", "<1a/>",
    "<a>&#x110000;</a>", "<a/> junk", "<a b='<'/>", "<!DOCTYPE a [<!ENTITY e '&e;'>]><a>&e;</a>",
    "<x:a/>", "<a xmlns:x=''/>", "<a></b>", "<a><b/></a></a>", "<a>\x01</a>", "<a b='1'c='2'/>",
    "<?xml version='2.0'?><a/>", "<?xml encoding='utf-8'?><a/>", "<a><?xml x?></a>", "<a>&</a>", "<a>&#xZ;</a>",
]
for doc in DOCS:
    print(repr(doc))
    for ev in events(doc):
        print("  ", ev)
    if len(doc) > 6:
        got = merged(doc, 3)
        print("  chunked same" if got == merged(doc, 1) else "  chunked " + repr(got))

print("--- namespaces")
for doc in DOCS[13:15] + ["<r xmlns:p='urn:p'><p:e p:a='1'/></r>", "<p:r xmlns:p='urn:p'/>"]:
    for prefixes in (False, True):
        print(repr(doc), prefixes)
        for ev in events(doc, namespace_separator="}", namespace_prefixes=prefixes):
            print("  ", ev)
print("--- options")
for doc in ["<r a='1' b='2'>x<!--c-->y&amp;z</r>", "<r>\n  x\n</r>"]:
    print(repr(doc))
    print("  ", events(doc, buffer_text=True))
    print("  ", events(doc, ordered_attributes=True))
    print("  ", events(doc, handlers=["DefaultHandler"]))
    print("  ", events(doc, handlers=["StartElementHandler", "DefaultHandler"]))
print("--- bytes and encodings")
for doc in [b"<r>\xc3\xa9</r>", b"<?xml version='1.0' encoding='iso-8859-1'?><r>\xe9</r>", b"\xef\xbb\xbf<r/>",
            "<r>é</r>".encode("utf-16"), b"<r>\xff</r>", b"<?xml version='1.0' encoding='cp1252'?><r>\x80</r>",
            b"<?xml version='1.0' encoding='bogus'?><r/>"]:
    print(repr(doc), events(doc))
    print("   chunked", merged(doc, 4))
print("--- module")
print(pyexpat.ErrorString(7), pyexpat.errors.XML_ERROR_TAG_MISMATCH, pyexpat.errors.codes["mismatched tag"],
      pyexpat.errors.messages[4], pyexpat.model.XML_CTYPE_SEQ, pyexpat.version_info, pyexpat.EXPAT_VERSION)
p = pyexpat.ParserCreate()
print(p.buffer_size, p.buffer_text, p.ordered_attributes, p.intern, p.ErrorCode, p.CurrentLineNumber)
for bad in [lambda: setattr(p, "buffer_size", 0), lambda: setattr(p, "buffer_size", "x"),
            lambda: pyexpat.ParserCreate(namespace_separator="ab"), lambda: pyexpat.ParserCreate(intern=1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
p.Parse("<r/>", True)
try:
    p.Parse("<r/>", True)
except pyexpat.ExpatError as e:
    print("again:", e.code, e)

print("--- ElementTree")
docs = ["<r><a x='1'>t<b/>tail</a><!--c--><?pi x?></r>", "<?xml version='1.0'?><!DOCTYPE r SYSTEM 'x'><r>&amp;</r>",
        "<r xmlns='urn:a' xmlns:b='urn:b'><b:c b:d='1'/></r>", "<r>\n <a/>\n</r>"]
for d in docs:
    e = ET.fromstring(d)
    print(ET.tostring(e), [(x.tag, x.attrib, x.text, x.tail) for x in e.iter()])
for d in ["<r><a></r>", "<r>&undefined;</r>", "<r/><x/>", ""]:
    try:
        ET.fromstring(d)
    except ET.ParseError as err:
        print("ParseError", err, err.code, err.position)
parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
parser.feed("<r><!--c--><?p d?>"); parser.feed("<x>1</x></r>")
print(ET.tostring(parser.close()))
for ev, el in ET.iterparse(io.BytesIO(b"<r xmlns:n='urn:n'><n:i>1</n:i><i>2</i></r>"), events=("start", "end", "start-ns", "end-ns")):
    print(ev, el if isinstance(el, tuple) or el is None else el.tag)
print(ET.canonicalize("<r b='2'  a='1'><c>x</c><!--no--></r>"), ET.canonicalize("<r><c/></r>", with_comments=True))

print("--- minidom")
dom = minidom.parseString("<?xml version='1.0'?><!DOCTYPE r><r a='1'><c>t&amp;u</c><!--k--><?p q?><![CDATA[z]]></r>")
print(dom.toxml())
print(dom.documentElement.getAttribute("a"), [n.nodeType for n in dom.documentElement.childNodes])
print(minidom.parseString("<r>\n  <a/>\n</r>").toprettyxml(indent=" "))
try:
    minidom.parseString("<r>")
except Exception as e:
    print(type(e).__name__, e)

print("--- sax")
class H(xml.sax.handler.ContentHandler):
    def startElement(self, name, attrs): print("start", name, dict(attrs))
    def endElement(self, name): print("end", name)
    def characters(self, c): print("chars", repr(c))
    def processingInstruction(self, t, d): print("pi", t, d)
xml.sax.parseString(b"<r a='1'>x<b>y</b>&amp;<?p d?></r>", H())
class NH(xml.sax.handler.ContentHandler):
    def startElementNS(self, name, qname, attrs): print("startNS", name, qname, dict(attrs))
    def endElementNS(self, name, qname): print("endNS", name, qname)
    def startPrefixMapping(self, p, u): print("map", p, u)
r = xml.sax.make_parser(); r.setFeature(xml.sax.handler.feature_namespaces, True); r.setContentHandler(NH())
r.parse(io.BytesIO(b"<r xmlns='urn:r' xmlns:q='urn:q'><q:e q:a='1'/></r>"))
try:
    xml.sax.parseString(b"<r><x></r>", H())
except xml.sax.SAXParseException as e:
    print("SAXParseException", e.getMessage(), e.getLineNumber(), e.getColumnNumber())
