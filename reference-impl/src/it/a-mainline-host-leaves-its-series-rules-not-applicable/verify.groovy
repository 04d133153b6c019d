// a lab host on mainline alone: the rules that need a posted series or a proposal are NOT_APPLICABLE,
// and the certificate says it covers mainline only
def log = new File(basedir, 'build.log').text
assert log.contains('[tsm-tck] verdict: CERTIFIED, lab profile, mainline 6.19')
assert !log.contains('iommufd TSM v5 +') && !log.contains('lab profile, mainline 6.19 +')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
assert report.implementation.declared.uapiExtensions == []
def rules = report.rules.collectEntries { [(it.id): it] }
def series = report.rules.findAll { (it.provenance == 'SERIES' || it.provenance == 'PROPOSAL') && it.status != 'UNTESTABLE' }
assert series.size() >= 20
series.each { assert it.status == 'NOT_APPLICABLE' && it.tests == [] : it.id }
assert rules['IOMMUFD-11'].reasons[0].contains('the rule needs iommufd TSM v5')
assert rules['IOMMUFD-11'].reasons[0].contains('mainline 6.19, does not have')
// mainline rules that need no series still ran, hooks included
['TSM-01', 'TSM-09', 'VFIO-12'].each { assert rules[it].status == 'PASSED' : it }
return true
