def log = new File(basedir, 'build.log').text
assert log.contains('[tsm-tck] verdict: NOT_A_CERTIFICATION_RUN')
assert log.contains('BUILD SUCCESS')
def report = new File(basedir, 'target/tsm-tck/certification-report.json').text
assert report.contains('"verdict" : "NOT_A_CERTIFICATION_RUN"')
return true
