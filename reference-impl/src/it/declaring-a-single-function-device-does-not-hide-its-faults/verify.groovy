import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck-device/certification-report.json'))
def rule = { id -> report.rules.find { it.id == id } }

assert report.verdict == 'NOT_CERTIFIED'
assert log.contains('[tsm-tck] verdict: NOT_CERTIFIED')
assert log.contains('BUILD FAILURE')
assert log =~ /rule\(s\) failed \(NOT_CERTIFIED\): TDISP-01, /
// the six faults, found on the one function the device has
['TDISP-01', 'TDISP-04', 'TDISP-06', 'TDISP-09', 'TDISP-20', 'TDISP-26'].each { id ->
    assert rule(id).status == 'FAILED' : "${id} is ${rule(id).status}"
}
// every failed rule is logged at ERROR, whatever its message says
report.rules.findAll { it.status == 'FAILED' }.each { r ->
    assert log.contains("[ERROR] [tsm-tck] Rule ${r.id} (MUST) failed") : r.id
}
// the rules run on PF0 and pass where no fault touches them
['TDISP-05', 'TDISP-08', 'TDISP-10'].each { id -> assert rule(id).status == 'PASSED' : id }
// only what a single function cannot have is not applicable, with the fact stated
def notApplicable = report.rules.findAll { it.status == 'NOT_APPLICABLE' }*.id as Set
assert notApplicable == ['TDISP-28', 'TDISP-47'] as Set : notApplicable
assert rule('TDISP-28').reasons.every { it.contains('the subject has none') }
assert rule('TDISP-47').reasons.every { it.contains('the device has PF0 only') }
assert report.rules.findAll { it.status == 'NOT_TESTED' }.isEmpty()
assert report.implementation.device.functions.size() == 1
assert report.rules.every { !(it.area in ['TSM', 'VFIO', 'IOMMUFD']) }
assert report.totals.testsNotApplicable > 0
assert report.totals.testsExecuted > 0
return true
