import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck-device/certification-report.json'))
def notTested = report.rules.findAll { it.status == 'NOT_TESTED' }

assert report.verdict == 'NOT_CERTIFIED'
assert report.rules.findAll { it.status == 'FAILED' }.isEmpty()
// what only a rig can do: configuration writes, FLR, resets, link and IDE events
assert (notTested*.id as Set).containsAll(['TDISP-20', 'TDISP-22', 'TDISP-26', 'TDISP-30', 'TDISP-32', 'TDISP-44'])
assert notTested.every { r -> r.reasons.every { it.contains('needs a rig that can') } } : notTested*.reasons
// what the kit does itself as the SPDM requester still runs: plaintext probes, the end of its own session
['TDISP-19', 'TDISP-31', 'IDEKM-05', 'TDISP-01', 'TDISP-04'].each { id ->
    assert report.rules.find { it.id == id }.status == 'PASSED' : id
}
// the device's evidence beside its chain: its measurements, read signed and verified before the tests
def device = report.implementation.device
assert device.chainDigest ==~ /[0-9a-f]{96}/
assert device.measurements.size() == 5 : device.measurements
assert device.measurements[0].startsWith('block 1: IMMUTABLE_ROM (digest) ')
assert device.measurements[4] == 'block 16: FIRMWARE_VERSION (raw) 312e302e30 ("1.0.0")'
assert new File(basedir, 'target/tsm-tck-device/certification-report.html').text.contains('device measurements')
assert log.contains('[WARNING] [tsm-tck] Rule TDISP-20 (MUST) not tested: needs a rig that can')
assert log.contains('BUILD FAILURE')
assert log =~ /\d+ MUST rule\(s\) were not tested/
assert log.contains('give the device a DeviceControl offering CONFIG_ACCESS')
return true
