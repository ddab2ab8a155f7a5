def f(x):
    return x

résumé = {"clé": 1}
π = f("日本語") + résumé["clé"]
