import unicodedata as u
print([n for n in dir(u) if not n.startswith('_')])
for f in [lambda: u.name('\x00'), lambda: u.lookup('NOPE'), lambda: u.decimal('a'), lambda: u.category('ab'), lambda: u.normalize('X', 'a'),
          lambda: u.numeric('a'), lambda: u.digit('a'), lambda: u.category(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(u.name('\x00', 'dflt'), type(u.ucd_3_2_0).__name__, u.ucd_3_2_0.unidata_version, u.unidata_version)
print(u.name('é'), u.lookup('LATIN SMALL LETTER E WITH ACUTE'), u.category('A'), u.bidirectional('א'), u.combining('\u0301'), u.mirrored('('))
print(u.east_asian_width('中'), u.decomposition('é'), u.decimal('٣'), u.digit('²'), u.numeric('½'), u.numeric('x', None))
print(ascii(u.normalize('NFD', 'é')), ascii(u.normalize('NFKC', 'ﬁ')), u.is_normalized('NFC', 'é'), u.is_normalized('NFD', 'é'))
print(u.ucd_3_2_0.category('\u20ac'), u.lookup('EURO SIGN'), u.name('\U0001F600'))
