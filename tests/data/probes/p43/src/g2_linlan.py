# Generates in/g2_linlan.pdf: reportlab + STSong-Light, manual line layout (37 chars
# per line), page numbers "- N -" at the foot, plan title split over two lines.
import os, sys
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
F = 'STSong-Light'
W, H = A4
LEFT, SIZE, PER_LINE, LEAD = 72, 12, 37, 20
TOP, BOTTOM = H - 70, 80

# blocks: (kind, text). kind: 'big' centred header, 'center', 'right', 'para' (indented 2),
# 'flush' (no indent), 'gap' (blank line)
B = [
 ('big', '临澜市人民政府文件'),
 ('center', '临政发〔2024〕27号'),
 ('gap', ''),
 ('center', '临澜市人民政府'),
 ('center', '关于印发临澜市促进民营经济高质量发展若干措施的通知'),
 ('gap', ''),
 ('flush', '各县（市、区）人民政府，市政府各部门，各直属机构：'),
 ('para', '现将《临澜市促进民营经济高质量发展若干措施》印发给你们，请认真贯彻执行。'),
 ('gap', ''),
 ('right', '临澜市人民政府'),
 ('right', '2024年12月20日'),
 ('right', '（此件公开发布）'),
 ('gap', ''),
 ('gap', ''),
 ('title', '临澜市促进民营经济高质量发展'),
 ('title', '若干措施'),
 ('gap', ''),
 ('para', '为深入贯彻落实《中共中央 国务院关于促进民营经济发展壮大的意见》，进一步激发民营经济发展活力。2024年前三季度，全市民营经济增加值同比增长6.2%，占地区生产总值比重达58.6%。为推动民营经济持续健康发展，结合我市实际，制定以下措施。'),
 ('para', '第一条　【支持企业做大做强】对首次入选中国民营企业500强的企业，一次性奖励300万元；对首次入选省民营企业100强的企业，一次性奖励50万元。对年营业收入首次突破10亿元、50亿元、100亿元的民营企业，分别奖励30万元、80万元、150万元。（责任单位：市工信局、市工商联、市财政局）'),
 ('para', '第二条　【鼓励企业升规纳统】对首次纳入规模以上工业统计的民营企业，给予一次性奖励20万元；对当年新增的规模以上服务业企业，给予一次性奖励10万元。（市工信局、市发改委、市统计局、市财政局按职责分工负责）'),
 ('para', '第三条　支持企业技术改造。对民营企业实施设备投资额2000万元以上的技术改造项目，按设备投资额的8%给予补助，单个项目最高不超过500万元。（责任单位：市工信局、市财政局）'),
 ('para', '第四条　【降低融资成本】对民营企业新增的1年期以上流动资金贷款，按贷款市场报价利率（LPR）的50%给予贴息，单户企业年度贴息最高不超过100万元，贴息期限不超过2年。（市金融办牵头，市财政局、人行临澜市分行配合）'),
 ('para', '第五条　【发挥政府性融资担保作用】市融资担保集团对单户担保金额1000万元以下的民营小微企业，年化担保费率不超过1%，对首贷户担保费率降至0.5%。市财政按年度新增担保额的1%给予担保机构风险补偿。（市财政局牵头，市金融办、市融资担保集团配合）'),
 ('para', '第六条　加大政府采购支持力度。超过200万元的货物和服务采购项目、超过400万元的工程采购项目中适宜由中小企业提供的，预留该部分采购项目预算总额的40%以上专门面向中小企业采购；对小微企业报价给予10%—20%的价格扣除。（责任单位：市财政局、各县（市、区）人民政府）'),
 ('para', '第七条　【及时支付中小企业款项】机关、事业单位和大型企业从中小企业采购货物、工程、服务，应当自交付之日起30日内支付款项；合同另有约定的，付款期限最长不超过60日。2025年6月底前完成存量无分歧欠款清偿。（市工信局牵头，市财政局、市国资委配合）'),
 ('para', '第八条　【降低要素成本】新建工业项目用地出让起始价，可按不低于所在地土地等别相对应全国工业用地出让最低价标准的70%确定；民营企业租用标准厂房的，按实际租金的50%给予补贴，补贴期限不超过2年，每家企业每年最高30万元。（市自然资源和规划局、市工信局、各县（市、区）人民政府按职责分工负责）'),
 ('para', '第九条　【加强人才支撑】民营企业全职引进的博士研究生、具有正高级职称的人才，给予每人每月3000元生活补贴，最长补贴3年；对入选市“临澜英才计划”的民营企业家，给予20万元培养经费。（市委组织部、市人社局按职责分工负责）'),
 ('para', '第十条　【支持开拓市场】对民营企业参加市政府统一组织的境外重点展会，按展位费的70%给予补助，单个展会每家企业最高不超过10万元；对年出口额首次突破1000万美元的民营企业，奖励20万元。（市商务局牵头，市财政局配合）'),
 ('para', '第十一条　鼓励创新研发。对新认定的国家级专精特新“小巨人”企业，一次性奖励100万元；对新认定的省级专精特新中小企业，一次性奖励20万元。民营企业研发费用按规定享受100%税前加计扣除。（责任单位：市科技局、市工信局、市税务局）'),
 ('para', '第十二条　【构建亲清政商关系】建立市领导联系重点民营企业制度，市委书记、市长每季度至少召开1次民营企业座谈会，市级领导每人联系不少于5家重点民营企业。（市委统战部、市工商联、市营商办按职责分工负责）'),
 ('para', '第十三条　【依法保护企业合法权益】依法审慎采取查封、扣押、冻结等措施，最大限度减少对涉案民营企业正常生产经营的影响；通过12345热线受理的涉企诉求，1个工作日内响应、5个工作日内办结。（市中级人民法院、市公安局、市司法局、市政务服务中心按职责分工负责）'),
 ('para', '第十四条　【强化惠企政策兑现】3月底前编制公布年度惠企政策清单，推行“免申即享”“即申即享”，奖补资金在申报截止后30个工作日内拨付到位。（市财政局牵头，各政策制定部门配合）'),
 ('para', '第十五条　【附则】本措施自2025年1月1日起施行，有效期3年。同一企业同一事项符合本措施和市级其他政策的，按照“就高、不重复”原则执行。本措施由市发展改革委会同有关部门负责解释。'),
]

NOSTART = set('，。、；：）》”’！？】〕…—%')
NOEND = set('（《“‘【〔')

def cw(ch):
    return 0.5 if ord(ch) < 128 else 1.0

def wrap(text, width):
    """Width-based wrap (ASCII counts half), no line may start with closing
    punctuation nor end with opening punctuation."""
    lines, cur, w = [], '', 0.0
    for ch in text:
        if w + cw(ch) > width and ch not in NOSTART:
            if cur and cur[-1] in NOEND:
                lines.append(cur[:-1]); cur = cur[-1]; w = cw(cur)
            else:
                lines.append(cur); cur = ''; w = 0.0
        cur += ch; w += cw(ch)
    if cur: lines.append(cur)
    return lines

def layout():
    pages, page, y = [], [], TOP
    def newpage():
        nonlocal page, y
        pages.append(page); page = []; y = TOP
    for kind, text in B:
        if kind == 'gap':
            y -= LEAD
            continue
        if kind == 'big':
            page.append((kind, text, y)); y -= 40; continue
        if kind == 'title':
            if y < BOTTOM + 30: newpage()
            page.append((kind, text, y)); y -= 26; continue
        if kind == 'para':
            first = wrap(text, PER_LINE - 2)[0]
            rest = wrap(text[len(first):], PER_LINE)
            lines = [('first', first)] + [('line', l) for l in rest]
        else:
            lines = [(kind, text)]
        for k, l in lines:
            if y < BOTTOM: newpage()
            page.append((k, l, y)); y -= LEAD
    pages.append(page)
    return pages

def main():
    pages = layout()
    out = os.path.join(os.path.dirname(__file__), '..', 'in', 'g2_linlan.pdf')
    c = canvas.Canvas(out, pagesize=A4)
    c.setTitle('临政发〔2024〕27号')
    for n, page in enumerate(pages, 1):
        for k, l, y in page:
            if k == 'big':
                c.setFont(F, 26); c.drawCentredString(W / 2, y, l)
            elif k == 'title':
                c.setFont(F, 18); c.drawCentredString(W / 2, y, l)
            elif k == 'center':
                c.setFont(F, SIZE + 2 if l.startswith('临澜市人民政府') or l.startswith('关于') else SIZE)
                c.drawCentredString(W / 2, y, l)
            elif k == 'right':
                c.setFont(F, SIZE); c.drawRightString(W - 90, y, l)
            elif k == 'first':
                c.setFont(F, SIZE); c.drawString(LEFT + 2 * SIZE, y, l)
            else:
                c.setFont(F, SIZE); c.drawString(LEFT, y, l)
        c.setFont(F, 12); c.drawCentredString(W / 2, 40, '- %d -' % n)
        c.showPage()
    c.save()
    if '-v' in sys.argv:
        for n, page in enumerate(pages, 1):
            print('=== page', n)
            for k, l, y in page: print('%-6s %s' % (k, l))
    print('pages', len(pages), 'chars', sum(len(t) for _, t in B))

main()
