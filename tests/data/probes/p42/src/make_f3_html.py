# Generator for in/f3_fengxi_xueqian.html (plain python3)
# Older county portal page: nav, breadcrumb, 发布日期/来源/浏览次数 line, footer; the
# notice body is ONE <div> with <br> line breaks (no <p>), &#12288;/&nbsp; indents, and
# a few numbers split across <span style=...> fragments.
OUT = '/tmp/p42/in/f3_fengxi_xueqian.html'

IND = '&#12288;&#12288;'
S1 = '<span style="font-family:仿宋_GB2312;font-size:16pt">'
S2 = '<span style="font-size:16pt;mso-spacerun:yes">'
E = '</span>'

BODY = [
    '<b>枫溪县人民政府办公室关于印发枫溪县2024年学前教育普惠扩容和义务教育学位扩充工作方案的通知</b>',
    '枫府办发〔2024〕12号',
    '各乡镇人民政府，县政府各部门：',
    IND + '《枫溪县2024年学前教育普惠扩容和义务教育学位扩充工作方案》已经县政府第9次常务会议审议通过，现印发给你们，请结合实际认真贯彻落实。',
    '&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;枫溪县人民政府办公室',
    '&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;' + S1 + '2024' + E + S1 + '年3月8日' + E,
    '',
    '<b>枫溪县2024年学前教育普惠扩容和义务教育学位扩充工作方案</b>',
    IND + '为进一步扩大普惠性学前教育资源和义务教育优质学位供给，有效缓解“入园难”“大班额”问题，根据《X省“十四五”学前教育发展提升行动计划》，结合我县实际，制定本方案。',
    '<b>一、总体要求</b>',
    IND + '坚持公益普惠基本方向，以县城和城镇新增人口集中区域为重点，科学规划学校布局，加快补齐学位缺口。2023年，全县共有幼儿园86所，在园幼儿9120人，普惠性幼儿园覆盖率为88.6%；义务教育阶段仍有大班额23个。',
    '<b>二、主要目标</b>',
    IND + '到2024年底，全县新建、改扩建公办幼儿园6所，新增公办学位1620个，普惠性幼儿园覆盖率达到92%以上，公办园在园幼儿占比达到55%；秋季开学前，义务教育阶段56人以上大班额全部清零。到2025年，全县学前三年毛入园率稳定在95%以上，九年义务教育巩固率达到98%以上。',
    '<b>三、重点任务</b>',
    '<b>（一）扩大普惠性学前教育资源</b>',
    IND + '1．实施公办幼儿园建设工程。新建县城第三幼儿园、城东幼儿园，改扩建枫林镇中心幼儿园等4所乡镇中心园，' + S1 + '2024' + E + S2 + '年底前' + E + '全部建成投用，新增公办学位1620个。',
    '责任单位：县教体局、县发改委、县自然资源局、县住建局、相关乡镇人民政府',
    IND + '2．规范扶持普惠性民办幼儿园。对认定为普惠性民办幼儿园的，按在园幼儿每生每年600元标准给予奖补；普惠性民办幼儿园保育教育费不得高于同级公办幼儿园收费标准的1.5倍。',
    '责任单位：县教体局、县财政局、县发改委、县市场监管局',
    IND + '3．提高学前教育经费保障水平。自' + S1 + '2024—2025' + E + '学年起，公办幼儿园生均公用经费标准提高到500元/生/年；乡村幼儿园教师每月乡村教师生活补助不低于300元。',
    '责任单位：县财政局、县教体局',
    '<b>（二）扩充义务教育优质学位</b>',
    IND + '4．加快城区学校建设。推进城北实验学校（九年一贯制）建设，' + S1 + '8' + E + S1 + '月底前' + E + '完成主体工程，秋季开学前投入使用，新增学位2700个；新建县第二小学综合楼，新增学位540个；同步实施县第一中学扩建工程，新增初中学位450个。',
    '责任单位：县教体局、县住建局、县城投公司',
    IND + '5．全面消除大班额。逐校制定大班额消除方案，通过新建校舍、均衡招生、教师调配等方式，秋季开学前（8月底前）实现56人以上大班额全部清零，46—55人班额占比控制在10%以内。',
    '责任单位：县教体局、各乡镇人民政府',
    IND + '6．保障进城务工人员随迁子女入学。落实以流入地政府为主、以公办学校为主的“两为主”政策，' + S2 + '7' + E + S2 + '月底前' + E + '公布城区学校招生划片范围，符合条件的随迁子女在公办学校就读比例保持在90%以上。',
    '责任单位：县教体局、县公安局、县住建局',
    IND + '7．推进城乡教育共同体建设。由县实验小学校长李卫华领衔，组建3个城乡教育共同体，每个共同体结对帮扶乡村学校不少于4所，实行教学计划、教研活动、质量监测“三统一”。',
    '责任单位：县教体局',
    '<b>（三）加强教师队伍建设</b>',
    IND + '8．补足配齐幼儿园和中小学教师。2024年公开招聘幼儿园教师120名、中小学教师200名，8月底前完成招聘并全部到岗；对到乡村学校任教满5年的教师，职称评聘予以倾斜。',
    '责任单位：县委编办、县人社局、县教体局',
    IND + '9．提升保教质量和教师专业能力。实施幼儿园教师全员轮训，每名教师每年参加培训不少于60学时；2024年底前，公办幼儿园专任教师持证上岗率达到100%，县级示范幼儿园达到12所。',
    '责任单位：县教体局、县财政局',
    '<b>四、保障措施</b>',
    IND + '（一）加强组织领导。成立以县长孙国梁为组长、分管副县长为副组长的工作领导小组，领导小组办公室设在县教体局，定期调度工作进展。',
    IND + '（二）强化经费保障。县财政2024年安排学前教育和义务教育学位扩充专项资金1.2亿元，' + S2 + '6' + E + S2 + '月底前' + E + '下达首批资金，确保项目建设资金需求。',
    IND + '（三）严格督导考核。将工作推进情况纳入乡镇和部门年度综合考核，县政府教育督导室每季度开展专项督导，督导结果向社会公开，接受12345热线和群众监督。',
    IND + '（四）营造良好氛围。充分利用县融媒体中心、“枫溪发布”微信公众号等平台，广泛宣传学前教育普惠政策和学位供给情况，每年5月集中开展学前教育宣传月活动，及时回应社会关切。',
    '',
    '附件：枫溪县2024年学前教育和义务教育学位扩充项目清单（略）',
]

NAV = '''<div class="top"><img src="/images/logo.gif" alt="枫溪县人民政府"> 枫溪县人民政府 www.fengxi.gov.cn</div>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/zwfw/">政务服务</a> | <a href="/hdjl/">互动交流</a> | <a href="/zjfx/">走进枫溪</a> | <a href="/ztzl/">专题专栏</a></div>
<div class="weather">2024年3月12日 星期二 晴 8℃~17℃</div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfwj/">政府文件</a> &gt; 县政府办文件</div>'''

INFO = '''<table class="info" width="100%"><tr><td align="center"><h2>枫溪县人民政府办公室关于印发枫溪县2024年学前教育普惠扩容和义务教育学位扩充工作方案的通知</h2></td></tr>
<tr><td align="center" class="sx">发布日期：2024-03-12&nbsp;&nbsp;&nbsp;来源：县政府办公室&nbsp;&nbsp;&nbsp;浏览次数：<span id="hits">1286</span>&nbsp;&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</td></tr></table>'''

FOOT = '''<div class="share">分享到：微信 微博 QQ空间</div>
<div class="prevnext">上一篇：<a href="/zwgk/zfwj/202403/t20240305_1.html">枫溪县2024年春季农业生产工作方案</a><br>下一篇：<a href="/zwgk/zfwj/202403/t20240315_2.html">关于做好2024年森林防火工作的通知</a></div>
<div class="footer">主办：枫溪县人民政府办公室&nbsp;&nbsp;承办：枫溪县融媒体中心<br>
地址：枫溪县城关镇人民路88号&nbsp;&nbsp;邮编：344200&nbsp;&nbsp;联系电话：0794-7321234<br>
网站标识码：3610290001&nbsp;&nbsp;<a href="https://beian.miit.gov.cn/">赣ICP备05012345号-1</a>&nbsp;&nbsp;赣公网安备 36102902000118号<br>
建议使用1024×768分辨率 IE8.0以上浏览器浏览</div>'''

html = '''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>枫溪县人民政府办公室关于印发枫溪县2024年学前教育普惠扩容和义务教育学位扩充工作方案的通知_县政府办文件_枫溪县人民政府</title>
<link href="/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/js/jquery-1.4.2.min.js"></script>
<script type="text/javascript">var _hits = 1286; function setFont(s){document.getElementById('zoom').style.fontSize=s+'px';}</script>
</head>
<body>
''' + NAV + '\n' + INFO + '\n<div id="zoom" class="content" style="font-size:16px;line-height:200%">' + '<br>\n'.join(BODY) + '</div>\n' + FOOT + '\n</body>\n</html>\n'

with open(OUT, 'w', encoding='utf-8') as f:
    f.write(html)
print('saved', OUT)
