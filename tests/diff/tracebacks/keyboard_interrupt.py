print("about to be interrupted")
raise KeyboardInterrupt
