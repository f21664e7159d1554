# Generator for in/f1_linxi_anquan.pdf (run with /work/main/.venv/bin/python)
# Safety-production three-year action plan of an invented county, laid out by hand
# so that line and page breaks are exact: running header, page numbers
# "第 N 页 共 M 页", a bare measure heading that wraps, a paragraph across pages.
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

FONT = 'STSong-Light'
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
OUT = '/tmp/p42/in/f1_linxi_anquan.pdf'
HEADER = '临溪县人民政府文件　　临政发〔2024〕3号'

# (style, text): t = centred title, h = heading (flush left), p = body paragraph
# (two full-width spaces indent), r = right-aligned line, blank = gap
DOC = [
    ('t', '临溪县人民政府'),
    ('t', '关于印发临溪县安全生产治本攻坚三年行动实施方案（2024—2026年）的通知'),
    ('c', '临政发〔2024〕3号'),
    ('h', '各乡镇人民政府，县政府各部门，县直各单位：'),
    ('p', '现将《临溪县安全生产治本攻坚三年行动实施方案（2024—2026年）》印发给你们，请认真组织实施。'),
    ('r', '临溪县人民政府'),
    ('r', '2024年1月26日'),
    ('gap', ''),
    ('t', '临溪县安全生产治本攻坚三年行动实施方案（2024—2026年）'),
    ('p', '为深入贯彻落实习近平总书记关于安全生产的重要论述，全面落实国务院安委会安全生产治本攻坚三年行动部署，坚决防范遏制重特大事故，结合我县实际，制定本方案。'),
    ('h', '一、总体要求'),
    ('p', '坚持人民至上、生命至上，坚持安全第一、预防为主，以重大事故隐患动态清零为主线，推动安全生产治理模式向事前预防转型。2023年，全县共发生生产安全事故14起、死亡8人，同比分别下降12.5%和11.1%，但城镇燃气、道路交通、建筑施工等领域风险依然突出。'),
    ('h', '二、主要目标'),
    ('p', '到2024年底，重大事故隐患排查整治机制全面建立；到2025年底，企业主要负责人安全生产考核合格率达到100%；到2026年，重大事故隐患整改率达到100%，生产安全事故起数和死亡人数实现“双下降”，死亡人数较2023年下降15%以上，较大及以上生产安全事故零发生。'),
    ('h', '三、重点任务'),
    ('h', '（一）压实安全生产责任'),
    ('p', '1．健全重大事故隐患清单管理制度。各行业主管部门对照国家重大事故隐患判定标准，建立本行业领域重大事故隐患清单，一季度完成首轮全覆盖排查，重大事故隐患实行挂牌督办、闭环销号。（牵头单位：县安委会办公室；责任单位：县有关行业主管部门）'),
    ('p', '2．开展企业主要负责人安全素质提升行动。企业主要负责人和安全管理人员每年安全培训不少于12学时，高危行业新上岗从业人员岗前安全培训不少于72学时；2025年底前，企业主要负责人安全生产知识和管理能力考核合格率达到100%。（牵头单位：县应急管理局；责任单位：县人社局、县住建局、县交通运输局）'),
    ('h', '（二）深化重点行业领域专项整治'),
    ('h', '3．深化城镇燃气、瓶装液化气和餐饮场所燃气使用安全专项整治行动'),
    ('p', '2024年底前，完成全县1.8万户瓶装液化气用户燃气泄漏报警装置和金属连接管加装，完成城镇老旧燃气管道更新改造46公里；春节前对全县餐饮场所开展一轮燃气安全全覆盖检查。（牵头单位：县住建局；责任单位：县市场监管局、县商务局、县消防救援大队、各乡镇人民政府）'),
    ('p', '4．开展消防安全“除患”攻坚。聚焦高层建筑、大型商业综合体、“九小场所”和电动自行车充电场所，每年开展消防执法检查不少于1500家次，新建电动自行车集中充电端口3000个以上。（县消防救援大队牵头，县住建局、县商务局、县市场监管局配合）'),
    ('p', '5．强化道路交通和防汛安全整治。汛期前完成全县32处山洪地质灾害隐患点和危险路段排查整治，5月底前完成农村公路临水临崖路段防护栏安装80公里。（牵头单位：县交通运输局；责任单位：县公安局交警大队、县水利局、县自然资源局）'),
    ('p', '6．开展建筑施工和特种设备安全整治。对在建房屋市政工程项目每月开展一次安全巡查，全县电梯、锅炉等特种设备定期检验率达到100%，6月底前完成老旧住宅电梯安全评估。（县住建局、县市场监管局按职责分工负责）'),
    ('p', '7．深化危险化学品和工贸企业安全整治。每季度对危险化学品生产经营企业开展全覆盖执法检查，对存在重大事故隐患拒不整改的，依法处2万元以上5万元以下罚款，并责令停产停业整顿。（县应急管理局负责）'),
    ('h', '（三）强化社会监督和基础保障'),
    ('p', '8．完善安全生产举报奖励制度。畅通12350安全生产举报热线，对查证属实的重大事故隐患举报，给予举报人最高3万元奖励，奖励资金纳入县级财政预算。（牵头单位：县应急管理局；配合单位：县财政局）'),
    ('p', '9．推进安全生产信息化建设。2025年6月底前建成县级安全生产风险监测预警平台，接入重点企业视频监控点位不少于600个。（牵头单位：县应急管理局；责任单位：县数据局、县工信局）'),
    ('p', '10．加强基层安全监管执法力量。县应急管理综合行政执法大队执法人员配备不少于18名，其中专业人员占比达到75%以上，每个乡镇配备专职安全监管员不少于3名。（牵头单位：县委编办；责任单位：县应急管理局、县人社局、各乡镇人民政府）'),
    ('h', '四、实施步骤'),
    ('p', '（一）动员部署（2024年3月底前）。各乡镇、各部门制定本地区本行业子方案，全面开展宣传发动。'),
    ('p', '（二）集中攻坚（2024年4月—2025年12月）。聚焦重点行业领域，滚动开展隐患排查整治，每半年开展一次评估。'),
    ('p', '（三）巩固提升（2026年）。全面总结三年行动成效，固化形成一批制度成果。'),
    ('h', '五、保障措施'),
    ('p', '（一）加强组织领导。成立由县长何立新任组长、分管副县长任副组长的三年行动工作专班，专班办公室设在县应急管理局。'),
    ('p', '（二）强化督导考核。将三年行动纳入全县安全生产和消防工作考核，实行“一月一调度、一季一通报”，由县安委会办公室牵头组织明查暗访。'),
    ('p', '（三）加大安全投入。县财政每年安排安全生产专项资金不少于800万元，用于重大事故隐患治理和应急能力建设。'),
    ('p', '（四）强化宣传教育。深入开展“安全生产月”“119消防宣传月”和“安全宣传五进”活动，推动安全知识进企业、进学校、进农村、进社区、进家庭。'),
]

PAGE_W, PAGE_H = A4
LM = RM = 28 * mm
TOP = PAGE_H - 30 * mm
BOTTOM = 28 * mm
SIZE = 15
LEAD = 26
WIDTH = PAGE_W - LM - RM


NOSTART = '。，、；：）》”！？'
NOEND = '（《“'


def wrap(text, width):
    lines, cur = [], ''
    for ch in text:
        # simple kinsoku: closing punctuation never starts a line
        if pdfmetrics.stringWidth(cur + ch, FONT, SIZE) > width and ch not in NOSTART:
            if cur[-1] in NOEND:  # opening punctuation never ends a line
                lines.append(cur[:-1])
                cur = cur[-1] + ch
            else:
                lines.append(cur)
                cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


def layout():
    """Return a list of pages; each page is a list of (x, text, align)."""
    items = []  # (align, text) per printed line, or ('gap', '')
    for style, text in DOC:
        if style == 'gap':
            items.append(('gap', ''))
        elif style in ('t', 'c'):
            for ln in wrap(text, WIDTH):
                items.append(('center', ln))
        elif style == 'r':
            items.append(('right', text))
        elif style == 'h':
            for ln in wrap(text, WIDTH):
                items.append(('left', ln))
        else:
            for ln in wrap('\u3000\u3000' + text, WIDTH):
                items.append(('left', ln))
    per_page = int((TOP - BOTTOM) // LEAD) + 1
    pages, cur = [], []
    for it in items:
        if len(cur) >= per_page:
            pages.append(cur)
            cur = []
        cur.append(it)
    if cur:
        pages.append(cur)
    return pages


def main():
    pages = layout()
    c = canvas.Canvas(OUT, pagesize=A4)
    c.setTitle('临溪县安全生产治本攻坚三年行动实施方案（2024—2026年）')
    n = len(pages)
    for i, page in enumerate(pages, 1):
        c.setFont(FONT, 10)
        c.drawString(LM, PAGE_H - 16 * mm, HEADER)
        c.line(LM, PAGE_H - 18 * mm, PAGE_W - RM, PAGE_H - 18 * mm)
        c.setFont(FONT, SIZE)
        y = TOP
        for align, text in page:
            if align == 'center':
                c.drawCentredString(PAGE_W / 2, y, text)
            elif align == 'right':
                c.drawRightString(PAGE_W - RM - 20, y, text)
            elif align == 'left':
                c.drawString(LM, y, text)
            y -= LEAD
        c.setFont(FONT, 10)
        c.drawCentredString(PAGE_W / 2, 15 * mm, '第 %d 页 共 %d 页' % (i, n))
        c.showPage()
    c.save()
    for i, page in enumerate(pages, 1):
        print('--- page', i)
        for align, text in page:
            print(align[:1], text)


if __name__ == '__main__':
    main()
