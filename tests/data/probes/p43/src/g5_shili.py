# Generates in/g5_shili.html: an old county portal page, whole layout in nested <table>s,
# <meta charset=gb2312> but the bytes are GBK (the page has GBK-only characters 喆 堃).
# The article holds the plan, with its own data table (policy list).
import os

NOTICE_HEAD = [
 '石栎县人民政府办公室关于印发《石栎县减税降费惠企政策“直达快享”实施方案》的通知',
]
P = lambda t: '<P style="TEXT-INDENT: 2em; LINE-HEIGHT: 200%%"><FONT size=3>%s</FONT></P>' % t
PC = lambda t: '<P align=center><FONT size=3>%s</FONT></P>' % t
PR = lambda t: '<P align=right><FONT size=3>%s</FONT></P>' % t
PL = lambda t: '<P><FONT size=3>%s</FONT></P>' % t
PH = lambda t: '<P style="LINE-HEIGHT: 200%%"><STRONG><FONT size=3>%s</FONT></STRONG></P>' % t

ROWS = [
 ('1', '小规模纳税人增值税减免', '小规模纳税人月销售额10万元以下（含本数）的，免征增值税；适用3%征收率的应税销售收入，减按1%征收率征收增值税', '县税务局', '申报时直接享受'),
 ('2', '“六税两费”减征', '对增值税小规模纳税人、小型微利企业和个体工商户，减按50%征收资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税和教育费附加、地方教育附加', '县税务局', '执行至2027年12月31日'),
 ('3', '小型微利企业所得税优惠', '年应纳税所得额不超过300万元的小型微利企业，减按25%计入应纳税所得额，按20%的税率缴纳企业所得税', '县税务局', '年度汇算清缴时享受'),
 ('4', '工业企业技术改造补助', '设备投资额500万元以上的技术改造项目，按设备投资额的5%给予补助，最高不超过50万元', '县工信局、县财政局', '项目验收后3个工作日内兑现'),
 ('5', '新入规工业企业奖励', '首次纳入规模以上工业企业统计的，一次性奖励10万元', '县工信局、县统计局', '每年二季度集中兑现'),
 ('6', '创业担保贷款贴息', '个人贷款最高30万元、小微企业贷款最高400万元，财政按实际贷款利率的50%给予贴息', '县人社局、县财政局、人行石栎县支行', '每季度结束后15日内'),
 ('7', '失业保险稳岗返还', '中小微企业按上年度实际缴纳失业保险费的60%返还，大型企业按30%返还', '县人社局', '2024年12月31日前'),
 ('8', '出口信用保险保费补助', '按企业实际缴纳短期出口信用保险保费的50%给予补助，单家企业年度最高不超过20万元', '县商务局', '2024年10月底前'),
]

def policy_table():
    h = ['<TABLE style="BORDER-COLLAPSE: collapse" borderColor=#000000 cellSpacing=0 cellPadding=4 width="96%" align=center border=1>',
         '<TBODY>',
         '<TR bgColor=#f2f2f2><TD width="6%" align=center><STRONG>序号</STRONG></TD><TD width="18%" align=center><STRONG>政策名称</STRONG></TD>'
         '<TD width="44%" align=center><STRONG>支持标准</STRONG></TD><TD width="16%" align=center><STRONG>责任单位</STRONG></TD>'
         '<TD width="16%" align=center><STRONG>兑现时限</STRONG></TD></TR>']
    for r in ROWS:
        h.append('<TR>' + ''.join('<TD%s>%s</TD>' % (' align=center' if i == 0 else '', c) for i, c in enumerate(r)) + '</TR>')
    h.append('</TBODY></TABLE>')
    return '\n'.join(h)

ARTICLE = [
 PC('<STRONG>石栎县人民政府办公室关于印发《石栎县减税降费惠企政策“直达快享”实施方案》的通知</STRONG>'),
 PC('石府办发〔2024〕21号'),
 PL('各乡镇人民政府，县政府各部门，县直各单位：'),
 P('《石栎县减税降费惠企政策“直达快享”实施方案》已经县政府同意，现印发给你们，请认真贯彻执行。'),
 PR('石栎县人民政府办公室'),
 PR('2024年4月15日'),
 PR('（此件公开发布）'),
 PC('<STRONG><FONT size=4>石栎县减税降费惠企政策“直达快享”实施方案</FONT></STRONG>'),
 P('为全面落实国家和省、市减税降费政策，推动惠企政策从“企业找政策”向“政策找企业”转变，让经营主体应享尽享、快享快办，结合我县实际，制定本方案。'),
 PH('一、总体要求'),
 P('坚持“应享尽享、直达快享”，以数据共享为支撑，以“免申即享”为重点，打通政策兑现“最后一公里”。2023年，全县累计为经营主体新增减税降费及退税缓费2.36亿元，惠及经营主体1.2万户次。'),
 PH('二、工作目标'),
 P('到2024年底，惠企政策“免申即享”事项达到20项以上，政策兑现平均时长压缩至5个工作日以内，惠企资金兑现率达到95%以上，重点税费优惠政策精准推送覆盖率达到100%。'),
 PH('三、主要任务'),
 P('（一）建立政策清单动态更新机制。每季度对全县惠企政策清单进行梳理更新，新出台的惠企政策在印发后3个工作日内纳入清单，并在“石栎惠企通”平台集中发布。（县发改局牵头，县财政局、县税务局、各政策制定部门配合）'),
 P('（二）推行“免申即享”。依托大数据比对精准识别符合条件的企业，对稳岗返还、新入规奖励等政策实行“免申即享”，6月底前“免申即享”事项不少于12项，年底前达到20项以上。（县数据局、县财政局、县人社局按职责分工负责）'),
 P('（三）压缩兑现时限。对需申报兑现的政策，实行“一口受理、并联审核”，资金兑现时间原则上不超过5个工作日；对承诺兑现类事项，3个工作日内兑现到位。（县财政局牵头，各政策制定部门配合）'),
 P('（四）落实税费优惠“应享尽享”。运用税收大数据对小规模纳税人、小型微利企业开展“一户一策”精准推送，9月底前实现重点税费优惠政策推送覆盖率100%；对符合条件的增值税留抵退税申请，5个工作日内办结。（县税务局负责）'),
 P('（五）设立惠企服务专窗。在县政务服务中心设立“惠企政策直达”综合窗口，提供政策咨询、申报辅导“一站式”服务；县12345政务服务便民热线开设惠企政策专席，7×24小时受理政策咨询，企业诉求2个工作日内答复。（县政务服务中心、县12345热线中心按职责分工负责）'),
 PH('四、首批“直达快享”政策清单'),
 P('首批纳入“直达快享”的惠企政策如下表，清单实行动态调整。'),
 policy_table(),
 PH('五、保障措施'),
 P('（一）加强组织领导。成立由副县长王堃任组长的惠企政策“直达快享”工作专班，专班办公室设在县发改局，统筹推进政策梳理、兑现和督办工作。'),
 P('（二）强化资金保障。县财政每年统筹安排惠企政策兑现资金不低于3000万元，确保政策资金及时足额兑现。（县财政局负责）'),
 P('（三）严格督查考核。县委督查室、县政府督查室每半年开展一次专项督查，对兑现不及时、企业反映强烈的单位予以通报。'),
]

LEFT_LINKS = ['政府信息公开指南', '政府信息公开制度', '县政府文件', '政策解读', '财政预决算',
              '人事信息', '12345便民热线', '优化营商环境专栏', '“一件事一次办”专区', '2023年政府信息公开年报']
NAV = ['首　页', '政务公开', '政务服务', '互动交流', '走进石栎', '专题专栏']

def page():
    L = []
    L.append('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">')
    L.append('<HTML><HEAD>')
    L.append('<META http-equiv=Content-Type content="text/html; charset=gb2312">')
    L.append('<TITLE>石栎县人民政府办公室关于印发《石栎县减税降费惠企政策“直达快享”实施方案》的通知 - 石栎县人民政府</TITLE>')
    L.append('<STYLE type=text/css>BODY {FONT-SIZE: 12px; MARGIN: 0px} .nav A {COLOR: #ffffff} TD {FONT-SIZE: 12px}</STYLE>')
    L.append('<SCRIPT language=javascript>var siteName = "石栎县人民政府门户网站"; function doZoom(size){document.getElementById("zoom").style.fontSize=size+"px";}</SCRIPT>')
    L.append('</HEAD><BODY bgColor=#ffffff>')
    L.append('<TABLE cellSpacing=0 cellPadding=0 width=1000 align=center border=0><TBODY>')
    # logo row
    L.append('<TR><TD height=120 background="/images/top_bg.jpg"><TABLE width="100%"><TR>'
             '<TD width=600><IMG alt="石栎县人民政府" src="/images/logo.gif" width=560 height=100></TD>'
             '<TD align=right vAlign=bottom>今天是：<SPAN id=today></SPAN>　<A href="/">设为首页</A> | <A href="#">加入收藏</A></TD>'
             '</TR></TABLE></TD></TR>')
    # nav row
    L.append('<TR><TD class=nav height=36 bgColor=#0a4f9e><TABLE cellSpacing=0 cellPadding=0 width="100%" border=0><TR>'
             + ''.join('<TD align=center><A href="/col/%d.html">%s</A></TD>' % (i, n) for i, n in enumerate(NAV))
             + '</TR></TABLE></TD></TR>')
    # body row: left column + content
    L.append('<TR><TD><TABLE cellSpacing=0 cellPadding=0 width="100%" border=0><TBODY><TR>')
    L.append('<TD vAlign=top width=220 bgColor=#eef3fa><TABLE cellSpacing=0 cellPadding=6 width="100%" border=0>'
             '<TR><TD bgColor=#0a4f9e><FONT color=#ffffff><STRONG>政务公开</STRONG></FONT></TD></TR>'
             + ''.join('<TR><TD>·<A href="/zwgk/%d.html">%s</A></TD></TR>' % (i, n) for i, n in enumerate(LEFT_LINKS))
             + '</TABLE></TD>')
    L.append('<TD vAlign=top width=780><TABLE cellSpacing=0 cellPadding=0 width="100%" border=0><TBODY>')
    L.append('<TR><TD height=30>当前位置：<A href="/">首页</A> &gt; <A href="/zwgk/">政务公开</A> &gt; <A href="/zwgk/2.html">县政府文件</A></TD></TR>')
    L.append('<TR><TD><TABLE cellSpacing=0 cellPadding=4 width="100%" bgColor=#f7f7f7 border=0><TR>'
             '<TD>索引号：11361123X00/2024-00213</TD><TD>发布机构：县政府办公室</TD></TR><TR>'
             '<TD>发布日期：2024-04-18</TD><TD>浏览次数：1376</TD></TR></TABLE></TD></TR>')
    L.append('<TR><TD align=right height=28>【字体：<A href="javascript:doZoom(16)">大</A> <A href="javascript:doZoom(14)">中</A> <A href="javascript:doZoom(12)">小</A>】</TD></TR>')
    L.append('<TR><TD id=zoom style="PADDING: 10px 20px">')
    L.extend(ARTICLE)
    L.append('</TD></TR>')
    L.append('<TR><TD align=right height=30>责任编辑：李喆</TD></TR>')
    L.append('<TR><TD align=center height=30>【<A href="javascript:window.print()">打印本页</A>】　【<A href="javascript:window.close()">关闭窗口</A>】</TD></TR>')
    L.append('<TR><TD height=30>上一篇：<A href="/zwgk/2/1187.html">石栎县人民政府关于公布2024年县级行政许可事项清单的通知</A><BR>'
             '下一篇：<A href="/zwgk/2/1189.html">石栎县2024年一季度重点项目推进情况通报</A></TD></TR>')
    L.append('</TBODY></TABLE></TD>')
    L.append('</TR></TBODY></TABLE></TD></TR>')
    # footer
    L.append('<TR><TD align=center bgColor=#0a4f9e height=90><FONT color=#ffffff>'
             '版权所有：石栎县人民政府　主办：石栎县人民政府办公室　承办：石栎县信息中心<BR>'
             '网站标识码：3611230001　备案号：X ICP备05012345号-1　联系电话：0798-6123456<BR>'
             '建议使用1024×768以上分辨率浏览</FONT></TD></TR>')
    L.append('</TBODY></TABLE></BODY></HTML>')
    return '\r\n'.join(L) + '\r\n'

html = page()
out = os.path.join(os.path.dirname(__file__), '..', 'in', 'g5_shili.html')
with open(out, 'wb') as f:
    f.write(html.encode('gbk'))
try:
    html.encode('gb2312'); print('WARNING: page is pure GB2312')
except UnicodeEncodeError as e:
    print('GBK-only characters present:', e.object[e.start:e.end])
import re
art = re.sub(r'<[^>]+>', '', '\n'.join(ARTICLE))
print('article chars', len(art))
