# e4: 养老服务 (city district) - PDF (reportlab, STSong-Light) with an indicator table and running header/footer
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT

pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
F = 'STSong-Light'
title_st = ParagraphStyle('t', fontName=F, fontSize=16, leading=24, alignment=TA_CENTER, wordWrap='CJK', spaceAfter=8)
body_st = ParagraphStyle('b', fontName=F, fontSize=11, leading=19, wordWrap='CJK', firstLineIndent=22)
head_st = ParagraphStyle('h', fontName=F, fontSize=11, leading=19, wordWrap='CJK')
right_st = ParagraphStyle('r', fontName=F, fontSize=11, leading=19, alignment=TA_RIGHT)
cell_st = ParagraphStyle('c', fontName=F, fontSize=9.5, leading=13, wordWrap='CJK')

TITLE = "枫林区加快推进养老服务体系高质量发展实施方案（2024—2025年）"

BLOCKS = [
 ("p", "为积极应对人口老龄化，加快构建居家社区机构相协调、医养康养相结合的养老服务体系，根据《桐州市“十四五”养老服务体系规划》，结合我区实际，制定本方案。"),
 ("h", "一、总体要求"),
 ("p", "坚持党委领导、政府主导、社会参与、全民行动，统筹推进“一老一小”民生工程，打响“颐养枫林”养老服务品牌。截至2023年底，全区60周岁以上老年人口8.6万人，占户籍总人口的23.4%；共有养老机构21家，养老床位2750张。"),
 ("h", "二、主要目标"),
 ("p", "到2025年，基本建成覆盖城乡、布局合理、功能完善的养老服务体系，每千名老年人拥有养老床位数达到38张，护理型床位占比不低于60%，社区嵌入式养老服务机构实现街道全覆盖，城市社区老年助餐服务覆盖率达到100%。主要指标如下："),
 ("table", None),
 ("h", "三、重点任务"),
 ("h", "（一）扩大养老服务供给"),
 ("p", "1．增加养老床位供给。2024年新建区级综合养老服务中心1个，新增养老床位300张以上，其中护理型床位占比不低于60%。对社会力量新建并备案的养老机构，按护理型床位每张1万元、普通床位每张5000元给予一次性建设补贴。（牵头单位：区民政局；责任单位：区发改委、区自然资源局、区住建局、区财政局）"),
 ("p", "2．发展社区嵌入式养老服务。在每个街道建设1个以上具备全托、日托、上门服务功能的社区嵌入式养老服务机构，到2025年达到15个，单个机构床位规模控制在10—50张。（牵头单位：区民政局；配合单位：各街道办事处）"),
 ("p", "3．提升老年助餐服务。新建老年助餐点40个，6月底前实现城市社区助餐服务全覆盖。对80周岁以上老年人和低保、特困老年人就餐，分别给予每餐3元、5元补贴。（区民政局牵头，区市场监管局、区商务局、各街道办事处配合）"),
 ("h", "（二）完善老年福利保障"),
 ("p", "4．提高高龄津贴标准。自2024年7月1日起，高龄津贴标准调整为：80—89岁老年人100元/人/月，90—99岁老年人300元/人/月，100岁以上老年人800元/人/月。高龄津贴按季度发放，9月底前完成年度资格认证。（牵头单位：区民政局；配合单位：区财政局、区卫健委、区公安分局）"),
 ("p", "5．推进特殊困难老年人家庭适老化改造。对分散供养特困、低保、低保边缘家庭中的失能、高龄、残疾老年人家庭实施适老化改造，2024年完成500户，到2025年累计完成1000户，每户改造补助最高不超过6000元。（牵头单位：区民政局；责任单位：区残联、区住建局）"),
 ("p", "6．深化医养结合。推动辖区二级以上医疗机构与养老机构签约合作，签约率达到100%，65岁以上老年人健康管理率达到72%以上。（区卫健委牵头，区民政局、区医保局配合）"),
 ("h", "（三）加强养老人才队伍建设"),
 ("p", "7．壮大养老护理员队伍。每年培训养老护理员不少于500人次，养老护理员持证上岗率达到95%。对在养老机构连续从业满2年的护理员，给予一次性入职奖励5000元。（牵头单位：区人社局；配合单位：区民政局、区财政局）"),
 ("h", "（四）推进智慧养老"),
 ("p", "8．建设智慧养老服务平台。依托12349养老服务热线，年底前建成区级智慧养老服务平台，为独居、空巢老年人安装紧急呼叫设备2000台。（区民政局负责，区大数据局配合）"),
 ("h", "（五）营造老年友好环境"),
 ("p", "9．推进老年友好型社区建设。到2025年累计创建全国示范性老年友好型社区3个、省级老年友好型社区10个，完成既有住宅小区公共区域无障碍改造50个。（牵头单位：区卫健委；配合单位：区住建局、区民政局、各街道办事处）"),
 ("p", "10．加强老年人权益保障。为全区70周岁以上低保老年人统一购买意外伤害保险，保费每人每年30元，由区财政全额承担；畅通12345热线老年人诉求快速响应通道。（区民政局负责，区司法局配合）"),
 ("h", "四、保障措施"),
 ("p", "（一）加强组织领导。区养老服务工作领导小组由区长任组长、分管副区长任副组长，领导小组办公室设在区民政局，负责统筹协调和督促落实。"),
 ("p", "（二）强化资金保障。区本级福彩公益金用于支持养老服务发展的比例不低于55%，将养老服务补贴资金纳入年度财政预算。（区财政局、区民政局按职责分工负责）"),
 ("p", "（三）加强督促落实。区政府督查室每半年开展一次专项督查，督查结果纳入各街道和区直部门年度绩效考核。"),
]

TABLE = [
 ["序号", "指标名称", "单位", "2023年基数", "2025年目标", "指标属性"],
 ["1", "每千名老年人拥有养老床位数", "张", "32", "38", "预期性"],
 ["2", "护理型床位占比", "%", "52", "60", "约束性"],
 ["3", "社区嵌入式养老服务机构", "个", "6", "15", "预期性"],
 ["4", "老年助餐点", "个", "48", "90", "预期性"],
 ["5", "特殊困难老年人家庭适老化改造（累计）", "户", "320", "1000", "约束性"],
 ["6", "养老护理员持证上岗率", "%", "85", "95", "预期性"],
]

def on_page(canv, doc):
    canv.saveState()
    canv.setFont(F, 9)
    canv.drawString(20*mm, A4[1]-14*mm, "桐州市枫林区人民政府公报")
    canv.drawRightString(A4[0]-20*mm, A4[1]-14*mm, "2024年第2期")
    canv.setLineWidth(0.5)
    canv.line(20*mm, A4[1]-16*mm, A4[0]-20*mm, A4[1]-16*mm)
    canv.setFont(F, 10)
    canv.drawCentredString(A4[0]/2, 12*mm, "— %d —" % doc.page)
    canv.restoreState()

def build():
    story = [Paragraph(TITLE, title_st)]
    for kind, t in BLOCKS:
        if kind == "table":
            data = [[Paragraph(c, cell_st) for c in row] for row in TABLE]
            tb = Table(data, colWidths=[12*mm, 62*mm, 14*mm, 24*mm, 24*mm, 20*mm], repeatRows=1)
            tb.setStyle(TableStyle([
                ('GRID', (0, 0), (-1, -1), 0.5, colors.black),
                ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
                ('BACKGROUND', (0, 0), (-1, 0), colors.lightgrey),
            ]))
            story += [Spacer(1, 4), tb, Spacer(1, 6)]
        elif kind == "h":
            story.append(Paragraph(t, head_st))
        else:
            story.append(Paragraph(t, body_st))
    story += [Spacer(1, 14), Paragraph("桐州市枫林区人民政府办公室", right_st), Paragraph("2024年3月20日", right_st)]
    doc = SimpleDocTemplate('/tmp/p37/in/e4_fenglin_yanglao.pdf', pagesize=A4,
                            leftMargin=22*mm, rightMargin=22*mm, topMargin=24*mm, bottomMargin=22*mm,
                            title=TITLE, author="桐州市枫林区人民政府办公室")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)

if __name__ == '__main__':
    build()
    n = len(TITLE) + sum(len(t) for k, t in BLOCKS if t) + sum(len("".join(r)) for r in TABLE)
    print(n)
