print("raising SystemExit(0)")
raise SystemExit(0)
