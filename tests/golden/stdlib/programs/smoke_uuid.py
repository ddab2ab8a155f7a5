import uuid
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.fields, u.urn, u.version, u.variant, u.time_low, u.node)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com"), uuid.NAMESPACE_OID)
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u, uuid.UUID(bytes=bytes(range(16))), uuid.UUID(int=1), uuid.UUID(fields=(1, 2, 3, 4, 5, 6)))
u4 = uuid.uuid4(); print(u4.version, u4.variant, len(str(u4)), u4 == uuid.UUID(str(u4)), uuid.UUID(str(u4)).hex == u4.hex)
print(sorted([uuid.UUID(int=5), uuid.UUID(int=2)]), uuid.NIL if hasattr(uuid, "NIL") else None, uuid.SafeUUID.unknown, uuid.RESERVED_NCS)
for bad in [lambda: uuid.UUID("xyz"), lambda: uuid.UUID(), lambda: uuid.UUID(int=-1), lambda: uuid.UUID(bytes=b"short")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
