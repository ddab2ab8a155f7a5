import ipaddress as ip
a = ip.ip_address("192.168.1.10"); b = ip.ip_address("2001:db8::1")
print(a, repr(b), a.version, b.version, int(a), a + 5, a.is_private, a.is_global, b.exploded, b.compressed, a.reverse_pointer, b.packed)
n = ip.ip_network("10.0.0.0/29"); print(n, n.netmask, n.hostmask, n.broadcast_address, n.num_addresses, list(n.hosts())[:3], n.with_prefixlen, n.prefixlen)
print(list(n.subnets(prefixlen_diff=1)), n.supernet(new_prefix=24), ip.ip_address("10.0.0.3") in n, n.overlaps(ip.ip_network("10.0.0.4/30")), list(ip.ip_network("10.0.0.0/30").address_exclude(ip.ip_network("10.0.0.1/32"))))
i = ip.ip_interface("192.0.2.5/24"); print(i, i.ip, i.network, i.with_netmask, i.with_hostmask)
print(list(ip.collapse_addresses([ip.ip_network("192.0.2.0/25"), ip.ip_network("192.0.2.128/25")])), list(ip.summarize_address_range(ip.ip_address("10.0.0.0"), ip.ip_address("10.0.0.10"))))
print(ip.ip_address("::ffff:1.2.3.4").ipv4_mapped, ip.IPv6Address("fe80::1%eth0").scope_id, ip.ip_address("127.0.0.1").is_loopback, ip.ip_address("224.0.0.1").is_multicast, ip.ip_network("2001:db8::/126").num_addresses, sorted([ip.ip_address("10.0.0.2"), ip.ip_address("10.0.0.1")]))
print(ip.ip_network("192.168.0.0/255.255.0.0"), ip.ip_network("10.1.2.3/8", strict=False), ip.IPv4Address(b"\x7f\x00\x00\x01"), ip.v4_int_to_packed(1), ip.get_mixed_type_key(a))
for bad in ["256.1.1.1", "1.2.3", "::1::2", "10.0.0.1/33", "10.0.0.1/24", "01.2.3.4"]:
    try:
        ip.ip_network(bad) if "/" in bad else ip.ip_address(bad)
    except ValueError as e:
        print(type(e).__name__, e)
