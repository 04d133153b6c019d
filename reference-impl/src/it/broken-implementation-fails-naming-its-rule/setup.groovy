// what an earlier run left behind: a page saying CERTIFIED and a folder of the Allure report
def reports = new File(basedir, 'target/tsm-tck')
new File(reports, 'allure-report').mkdirs()
new File(reports, 'allure-report/stale-from-an-earlier-run.txt').text = 'old'
new File(reports, 'certification-report.html').text = '<div id="verdict" class="CERTIFIED">STALE CERTIFIED</div>'
new File(reports, 'certification-report.json').text = '{"verdict" : "CERTIFIED"}'
return true
