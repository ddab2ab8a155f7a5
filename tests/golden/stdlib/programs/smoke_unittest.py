import unittest, io, re
from unittest import mock
class MathTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls): cls.shared = [1, 2, 3]
    def setUp(self): self.data = list(self.shared)
    def test_sum(self): self.assertEqual(sum(self.data), 6)
    def test_fail(self): self.assertEqual(self.data, [1, 2, 4], "lists differ")
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError): 1 / 0
        with self.assertRaisesRegex(ValueError, "invalid literal"): int("x")
    def test_error(self): raise KeyError("oops")
    @unittest.skip("not today")
    def test_skip(self): pass
    @unittest.expectedFailure
    def test_xfail(self): self.assertTrue(False)
    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i): self.assertLess(i, 2)
    def test_misc(self):
        self.assertIn(2, self.data); self.assertIsNone(None); self.assertAlmostEqual(0.1 + 0.2, 0.3); self.assertCountEqual([1, 2], [2, 1])
        self.assertDictEqual({"a": 1}, {"a": 1}); self.assertIsInstance(1, int); self.assertRegex("abc", "b")
        with self.assertWarns(UserWarning):
            import warnings; warnings.warn("w")
        with self.assertLogs("x", level="INFO") as cm:
            import logging; logging.getLogger("x").info("logged")
        self.assertEqual(cm.output, ["INFO:x:logged"])
suite = unittest.TestLoader().loadTestsFromTestCase(MathTests)
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests in Xs", stream.getvalue()))
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures), result.wasSuccessful())
m = mock.Mock(return_value=3); print(m(1, k=2), m.call_args, m.call_count, m.method.return_value.__class__.__name__)
m.assert_called_once_with(1, k=2)
with mock.patch("os.getcwd", return_value="/patched"):
    import os; print(os.getcwd())
mm = mock.MagicMock(); mm.__len__.return_value = 7; print(len(mm), mm[0].__class__.__name__, mock.call(1) == mock.call(1))
sp = mock.create_autospec(lambda a, b: None)
try:
    sp(1)
except TypeError as e:
    print(e)
