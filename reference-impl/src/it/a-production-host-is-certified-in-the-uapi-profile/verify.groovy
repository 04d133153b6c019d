// a production host: no test hook declared, certified in the uapi profile, whose rules the catalogue fixes
def log = new File(basedir, 'build.log').text
assert log.contains('[tsm-tck] verdict: CERTIFIED, uapi profile, mainline 6.19 + iommufd TSM v5')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
assert report.verdict == 'CERTIFIED'
assert report.environment.profile == 'uapi'
assert report.implementation.declared.hooks == []
def rules = report.rules.collectEntries { [(it.id): it] }
// a rule that needs a hook is outside the profile, with the fact shown, and never ran
assert rules['TSM-08'].status == 'NOT_APPLICABLE' && rules['TSM-08'].tests == []
assert rules['TSM-08'].reasons[0].startsWith('outside the uapi profile: the rule needs the test hooks [TDI_PROBE]')
// the uAPI-observable ones ran and passed, the bind through iommufd TSM v5 included
['TSM-01', 'VFIO-12', 'IOMMUFD-01', 'TSM-16'].each { assert rules[it].status == 'PASSED' : it }
assert new File(basedir, 'target/tsm-tck/certification-report.html').text.contains('CERTIFIED, uapi profile, mainline 6.19')
return true
