import statistics as st
from fractions import Fraction
from decimal import Decimal
data = [2.5, 3.1, 4.7, 1.2, 9.9, 3.1, 5.0]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([1, 2, 2, 3, 4]))
print(st.mode(data), st.multimode("aabbbcccd"), st.stdev(data), st.pstdev(data), st.variance(data), st.pvariance([1, 2, 3, 4]))
print(st.quantiles(range(1, 101), n=4), st.quantiles(data, n=5, method="inclusive"), st.geometric_mean([1, 2, 4, 8]), st.harmonic_mean([40, 60]))
print(st.mean([Fraction(1, 3), Fraction(2, 3)]), st.mean([Decimal("1.1"), Decimal("2.2")]), st.variance([Fraction(1), Fraction(2), Fraction(4)]))
x = [1, 2, 3, 4, 5]; y = [2, 4, 5, 4, 5]
print(st.correlation(x, y), st.covariance(x, y), st.linear_regression(x, y), st.correlation(x, y, method="ranked"))
n = st.NormalDist(100, 15)
print(n, n.cdf(130), n.inv_cdf(0.975), n.pdf(100), n.overlap(st.NormalDist(110, 10)), n.zscore(85), n + 5, n * 2, st.NormalDist.from_samples([1, 2, 3, 4]))
print(n.quantiles(4), st.kde([1, 2, 3], h=1)(2) if hasattr(st, "kde") else None)
for bad in [lambda: st.mean([]), lambda: st.stdev([1]), lambda: st.harmonic_mean([-1]), lambda: st.correlation([1, 1], [1, 2])]:
    try:
        bad()
    except st.StatisticsError as e:
        print(type(e).__name__, e)
