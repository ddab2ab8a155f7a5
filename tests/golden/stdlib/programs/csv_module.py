import _csv, csv, io
d = _csv.Dialect(); print(d.delimiter, repr(d.lineterminator), d.quoting, d.escapechar, d.doublequote, d.quotechar, d.skipinitialspace, d.strict)
for kw in [dict(delimiter=''), dict(delimiter=1), dict(quotechar='ab'), dict(quoting=9), dict(quoting=csv.QUOTE_ALL, quotechar=None),
           dict(lineterminator=1), dict(escapechar='ab'), dict(delimiter='\n'), dict(quotechar=',')]:
    try:
        _csv.Dialect(**kw); print(kw, 'ok')
    except Exception as e:
        print(kw, type(e).__name__, e)
print(list(csv.reader(['a,"b,c",d', '"x""y",  z'])), list(csv.reader(['a, b'], skipinitialspace=True)))
for rows, kw in [(['"a"b,c'], dict(strict=True)), (['"abc'], dict(strict=True)), (['"abc'], {}), (['a\nb'], {})]:
    try:
        print(list(csv.reader(rows, **kw)))
    except Exception as e:
        print(type(e).__name__, e)
s = io.StringIO(); w = csv.writer(s); print(w.writerow(['a', 'b,c', 'd"e', 1, 2.5, None, '']), repr(s.getvalue()))
s = io.StringIO(); w = csv.writer(s, quoting=csv.QUOTE_NONE)
try:
    w.writerow(['a,b'])
except Exception as e:
    print(type(e).__name__, e)
print(list(csv.reader(['1,"a",2.5', ','], quoting=csv.QUOTE_NONNUMERIC)), csv.list_dialects(), csv.field_size_limit())
r = csv.reader(['a', 'b']); next(r); print(r.line_num, type(r).__name__)
f = io.StringIO('name,age\r\n"Smith, J",42\r\n"multi\r\nline",7\r\n')
print(list(csv.DictReader(f)))
s = io.StringIO(); dw = csv.DictWriter(s, ['x', 'y'], quoting=csv.QUOTE_ALL); dw.writeheader(); dw.writerows([{'x': 1, 'y': 'a'}, {'x': None, 'y': 'q"'}]); print(repr(s.getvalue()))
s = io.StringIO(); w = csv.writer(s, delimiter='\t', escapechar='\\', quoting=csv.QUOTE_NONE); w.writerow(['a\tb', 'c']); print(repr(s.getvalue()))
print(list(csv.reader(['a\\,b,c'], escapechar='\\')), list(csv.reader(['x;y'], delimiter=';')))
print(csv.Sniffer().sniff('a;b;c\n1;2;3\n').delimiter, list(csv.reader([''])), list(csv.reader(['""'])))
csv.register_dialect('pipes', delimiter='|'); print(list(csv.reader(['a|b'], 'pipes')), csv.get_dialect('pipes').delimiter)
