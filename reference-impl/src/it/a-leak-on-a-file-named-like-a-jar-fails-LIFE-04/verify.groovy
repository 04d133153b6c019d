import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
def life04 = report.rules.find { it.id == 'LIFE-04' }

assert life04.status == 'FAILED' : life04
def failed = life04.tests.find { it.status == 'FAILED' }
assert failed.message =~ /acme-firmware\d*\.jar/ : failed.message
return true
