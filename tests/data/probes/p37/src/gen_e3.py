# e3: 河湖长制 / 水利 (county) - HTML page from a county portal; the plan ends with a task table
import html, pathlib

PARAS = [
 ("h", "一、总体要求"),
 ("p", "坚持节水优先、空间均衡、系统治理、两手发力的治水思路，压紧压实县、乡、村三级河湖长责任，以河湖“清四乱”常态化规范化为抓手，统筹推进水资源保护、水污染防治、水环境治理和水生态修复，努力建设造福人民的“幸福河湖”。坚持问题导向、标本兼治，坚持部门联动、属地负责，坚持全民参与、社会共治，推动河湖长制从“有名”“有实”向“有能”“有效”转变。"),
 ("h", "二、主要目标"),
 ("p", "2023年，全县纳入河长制管理的河道共86条、总长1243公里，水库32座，国控、省控断面水质优良比例为87.5%。到2024年底，全县地表水国省控断面水质优良比例达到90%以上，县级以上河道“清四乱”问题整改销号率达到100%；农村自来水普及率达到95%，规模化供水工程覆盖农村人口比例提高到65%以上；地下水超采区年压采地下水120万立方米；全年完成水利建设投资8.5亿元。到2025年，全县河湖管理保护体制机制更加完善，重点河湖生态流量保障目标满足程度达到90%以上，累计建成省级幸福河湖5条。"),
 ("h", "三、保障措施"),
 ("p", "（一）压实河长责任。县委书记张立群、县长王海涛分别担任县级总河长、副总河长，其他县级河长由相关县领导担任。县级河长每季度巡河不少于1次，乡级河长每月巡河不少于1次，村级河长每周巡河不少于1次，发现问题及时交办、限期整改。"),
 ("p", "（二）强化督导考核。县河长办每半年对各乡镇河湖长制工作进行一次考评，考评结果纳入乡镇年度综合考核，对河湖问题整改不力的乡镇予以通报、约谈。（县河长办负责，县委督查室、县政府督查室配合）"),
 ("p", "（三）加强社会监督。在河湖显著位置规范设立河湖长公示牌，公布河湖长姓名、职务和监督电话，畅通12345热线投诉举报渠道，聘请“民间河长”100名参与河湖监督。"),
 ("p", "（四）加大资金投入。县财政每年安排河湖长制工作经费不少于500万元并列入年度财政预算，统筹整合水利、生态环境、农业农村等涉水资金，优先保障河湖治理项目。（县财政局负责）"),
 ("h", "四、重点任务分工"),
 ("p", "各乡镇、县直有关部门要按照下表明确的分工，细化工作措施，倒排工期，确保各项任务按时完成。"),
]

ROWS = [
 ("1", "开展河湖“清四乱”专项整治。对全县河道、水库开展拉网式排查，县级以上河道“清四乱”问题整改销号率达到100%。", "县河长办", "县水利局、县自然资源局、县生态环境局，各乡镇人民政府", "2024年10月底前"),
 ("2", "推进小型水库除险加固。完成小型病险水库除险加固12座，汛前（6月15日前）全面落实病险水库限制运用措施。", "县水利局", "县财政局、县应急管理局", "6月15日前"),
 ("3", "实施河道综合治理。完成中小河流治理河长28公里，清淤疏浚河道45公里。", "县水利局", "县发改委、县财政局，沿河各乡镇人民政府", "2024年底前"),
 ("4", "加强水环境综合治理。入河排污口整治完成率达到100%，县城生活污水集中收集率稳定在97%以上。", "县生态环境局", "县住建局、县农业农村局", "2024年11月底前"),
 ("5", "推进地下水超采治理。关停城区公共供水管网覆盖范围内自备井30眼，年压采地下水120万立方米。", "县水利局", "县住建局、县自然资源局", "2024年底前"),
 ("6", "提升农村供水保障水平。新建改造农村供水工程15处，农村自来水普及率达到95%。", "县水利局", "县卫健委、县财政局，各乡镇人民政府", "2024年12月底前"),
 ("7", "加快水利项目建设。争取上级水利资金3亿元以上，全年完成水利建设投资8.5亿元。", "县发改委", "县水利局、县财政局", "2024年底前"),
 ("8", "落实河湖日常管护。按照每5公里不少于1名的标准配备河湖保洁员，全县保洁员不少于260名，实现河湖保洁全覆盖。", "各乡镇人民政府", "县河长办、县人社局", "长期坚持"),
 ("9", "健全河湖长制工作调度机制。定期召开县级总河长会议，通报河湖问题整改进展，协调解决跨乡镇河湖治理重大问题。", "县河长办", "县直各成员单位", "每季度"),
 ("10", "推进智慧河湖建设。建成县级河湖长制信息管理平台，重点河段视频监控覆盖率达到90%。", "县水利局", "县大数据中心、中国移动泓水分公司", "2024年9月底前"),
 ("11", "加强水土流失综合治理。完成水土流失综合治理面积12平方公里，新建淤地坝2座。", "县水利局", "县林业局、县农业农村局", "2024年11月底前"),
 ("12", "开展河湖健康评价。对县级河湖开展健康评价，编制完善“一河（湖）一策”方案，建立县级河湖健康档案。", "县河长办", "县水利局、县生态环境局", "6月底前"),
 ("13", "严厉打击涉河违法行为。开展非法采砂专项整治，对非法采砂行为“零容忍”，河道采砂现场监管覆盖率达到100%。", "县公安局", "县水利局、县自然资源局、县交通运输局", "长期坚持"),
]

def e(s): return html.escape(s, quote=False)

body = []
for kind, t in PARAS:
    if kind == "h":
        body.append(f'<p class="h2"><strong>{e(t)}</strong></p>')
    else:
        body.append(f'<p style="text-indent:2em">{e(t)}</p>')
rows = "\n".join(
    f'<tr><td class="c">{a}</td><td>{e(b)}</td><td>{e(c)}</td><td>{e(d)}</td><td class="c">{e(f)}</td></tr>'
    for a, b, c, d, f in ROWS)

PAGE = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>泓水县2024年全面推行河湖长制工作实施方案_县政府办文件_泓水县人民政府</title>
<meta name="ArticleTitle" content="泓水县2024年全面推行河湖长制工作实施方案">
<meta name="PubDate" content="2024-03-08 16:20">
<style>
body{{font-family:"Microsoft YaHei",SimSun;margin:0;background:#f3f3f3}}
.wrap{{width:1000px;margin:0 auto;background:#fff;padding:0 30px}}
.nav li{{display:inline-block;padding:0 18px}}
table.meta td{{border:1px solid #ccc;padding:4px 8px;font-size:13px}}
table.task{{border-collapse:collapse;width:100%}} table.task td,table.task th{{border:1px solid #333;padding:4px}}
.c{{text-align:center}}
</style>
<script>var _hmt=_hmt||[];/* site statistics */</script>
</head>
<body>
<div class="topbar"><div class="wrap">
<span>今天是：<span id="today"></span></span>
<span class="tools"><a href="#">无障碍浏览</a> | <a href="#">长者模式</a> | <a href="#">English</a></span>
</div></div>
<div class="header"><div class="wrap"><h2 class="logo">泓水县人民政府</h2>
<form class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></form>
</div></div>
<div class="wrap">
<ul class="nav">
<li><a href="/">首页</a></li>
<li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hdjl/">互动交流</a></li>
<li><a href="/zjhs/">走进泓水</a></li>
</ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a> &gt; <a href="/zwgk/zcwj/xzfbwj/">县政府办文件</a></div>
<table class="meta">
<tr><td>索引号：</td><td>11410725MB0123456X/2024-00318</td><td>主题分类：</td><td>水利</td></tr>
<tr><td>发布机构：</td><td>泓水县人民政府办公室</td><td>发布日期：</td><td>2024-03-08</td></tr>
<tr><td>文号：</td><td>泓政办发〔2024〕5号</td><td>有效性：</td><td>有效</td></tr>
<tr><td>名称：</td><td colspan="3">泓水县2024年全面推行河湖长制工作实施方案</td></tr>
</table>
<div class="article">
<h1>泓水县2024年全面推行河湖长制工作实施方案</h1>
<div class="info">发布时间：2024-03-08 16:20　来源：县水利局　浏览次数：1268　字号：[ <a href="#">大</a> <a href="#">中</a> <a href="#">小</a> ]</div>
<div class="content" id="zoom">
<p style="text-indent:2em">为深入贯彻习近平生态文明思想，全面落实省、市关于强化河湖长制的部署要求，持续推进“幸福河湖”建设，结合我县实际，制定本方案。</p>
{chr(10).join(body)}
<table class="task">
<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
{rows}
</table>
<p style="text-align:right">泓水县人民政府办公室</p>
<p style="text-align:right">2024年3月5日</p>
</div>
<div class="share">分享到：微信 微博　【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="prevnext">
<p>上一篇：<a href="#">泓水县2023年度河湖长制工作要点</a></p>
<p>下一篇：<a href="#">泓水县2024年农村饮水安全保障工作方案</a></p>
</div>
</div>
</div>
<div class="footer"><div class="wrap">
<p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">隐私声明</a></p>
<p>主办单位：泓水县人民政府办公室　承办单位：泓水县大数据中心　联系电话：0371-6123456</p>
<p>网站标识码：4107250001　ICP备案号：豫ICP备12034567号-1　本站支持IPv6</p>
</div></div>
</body>
</html>
"""
pathlib.Path('/tmp/p37/in/e3_hongshui_hehu.html').write_text(PAGE, encoding='utf-8')

# rough visible-text length (plan only)
plan = "泓水县2024年全面推行河湖长制工作实施方案" + "".join(t for _, t in PARAS) + "".join("".join(r) for r in ROWS)
print(len(plan))
