# builds /tmp/p44/in/h4_hongzhou.docx
from docx import Document
from docx.shared import Pt, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn

doc = Document()
sec = doc.sections[0]
sec.page_height = Cm(29.7); sec.page_width = Cm(21.0)
sec.top_margin = Cm(3.7); sec.bottom_margin = Cm(3.5); sec.left_margin = Cm(2.8); sec.right_margin = Cm(2.6)

def run_font(run, name, size):
    run.font.name = name; run.font.size = Pt(size)
    rpr = run._element.get_or_add_rPr()
    rf = rpr.find(qn('w:rFonts'))
    if rf is None:
        rf = rpr.makeelement(qn('w:rFonts'), {}); rpr.insert(0, rf)
    rf.set(qn('w:eastAsia'), name)

def para(text, font='仿宋_GB2312', size=16, align=None, indent=True, bold=False):
    p = doc.add_paragraph()
    if align == 'c': p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if align == 'r': p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if indent and align is None: p.paragraph_format.first_line_indent = Pt(size * 2)
    p.paragraph_format.line_spacing = Pt(28)
    r = p.add_run(text); run_font(r, font, size); r.bold = bold
    return p

def para2(head, body):
    """measure paragraph: 楷体 heading run + 仿宋 body run in one paragraph"""
    p = doc.add_paragraph(); p.paragraph_format.first_line_indent = Pt(32)
    p.paragraph_format.line_spacing = Pt(28)
    r = p.add_run(head); run_font(r, '楷体_GB2312', 16)
    r = p.add_run(body); run_font(r, '仿宋_GB2312', 16)

para('泓州市人民政府办公室关于印发泓州市构建以信用为基础的新型监管机制实施方案的通知', '方正小标宋简体', 22, 'c')
para('泓政办〔2024〕19号', align='c')
para('各县（市、区）人民政府，市政府各部门，各直属机构：', indent=False)
para('《泓州市构建以信用为基础的新型监管机制实施方案》已经市政府第42次常务会议审议通过，现印发给你们，请认真贯彻执行。')
para('泓州市人民政府办公室', align='r')
para('2024年4月8日', align='r')
para('（此件公开发布）')
p = doc.add_paragraph(); p.add_run().add_break(WD_BREAK.PAGE)
para('泓州市构建以信用为基础的新型监管机制实施方案', '方正小标宋简体', 22, 'c')
para('为贯彻落实《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）精神，进一步发挥信用在创新监管机制、提高监管能力和水平方面的基础性作用，持续优化营商环境，结合我市实际，制定本方案。')
para('一、总体要求', '黑体')
para('坚持以习近平新时代中国特色社会主义思想为指导，以信用信息归集共享为基础，以信用分级分类监管为核心，以信用修复和权益保护为保障，构建贯穿经营主体全生命周期的新型监管机制。到2024年底，全市信用信息归集量突破5亿条，行政许可和行政处罚信息上网公示率达到100%，经营主体公共信用综合评价覆盖率达到100%；到2025年，以信用为基础的新型监管机制基本健全。')
para('二、健全信用信息归集共享机制', '黑体')
para2('（一）扩大信用信息归集范围。', '依托泓州市公共信用信息平台，全面归集行政许可、行政处罚、行政强制、行政确认等涉企信用信息，行政许可和行政处罚信息自作出决定之日起7个工作日内上网公示，公示信息合格率保持在99%以上。')
para2('（二）推进涉企信用信息“一企一档”。', '以统一社会信用代码为标识，整合市场监管、税务、人社、住建等部门涉企信用信息，2024年6月底前实现全市经营主体信用档案全覆盖。')
para2('（三）强化信用信息共享应用。', '在招标投标、政府采购、财政资金分配等领域全面应用信用报告，推行以专项信用报告替代有无违法违规记录证明，替代事项覆盖领域不少于40个。')
para('三、推行信用分级分类监管', '黑体')
para2('（一）开展经营主体公共信用综合评价。', '建立覆盖全市经营主体的公共信用综合评价模型，按照A、B、C、D四个等级实施分类，评价结果每季度动态更新并推送至各行业主管部门。')
para2('（二）实施差异化监管。', '对信用等级为A级的经营主体“无事不扰”，“双随机、一公开”抽查比例不高于2%；对D级经营主体实施重点监管，抽查比例不低于30%，并依法依规实施失信约束。')
para2('（三）推行包容审慎监管。', '对新技术、新产业、新业态、新模式经营主体给予不少于6个月的“观察期”，观察期内对轻微违法行为以指导、提醒为主，2024年9月底前编制发布“首违不罚”事项清单。')
para('四、强化信用修复和权益保护', '黑体')
para2('（一）优化信用修复服务。', '推行信用修复“一网通办”，经营主体可通过“信用中国（泓州）”网站在线申请，符合条件的修复申请2个工作日内办结，修复结果同步推送至相关部门。')
para2('（二）规范失信惩戒措施。', '严格依法依规认定失信主体，严禁泛化、扩大化实施失信惩戒，2024年9月底前完成全市失信惩戒措施清理规范工作，对不符合规定的一律予以纠正。')
para2('（三）加强信用服务市场培育。', '鼓励信用服务机构参与信用评价、信用修复等工作，年内引进培育信用服务机构不少于5家，探索开展“信易贷”“信易批”等守信激励应用。')
para('五、保障措施', '黑体')
para2('（一）加强组织领导。', '市社会信用体系建设领导小组负责统筹推进本方案实施，各县（市、区）、市直各有关部门要明确分管领导和责任科室，确保各项任务落到实处。')
para2('（二）强化督促落实。', '市发展改革委每半年对各地各部门工作推进情况进行调度通报，对工作滞后的单位予以督促提醒，推动各项任务按期完成。')
para('附件：泓州市构建以信用为基础的新型监管机制重点任务责任分工表')
p = doc.add_paragraph(); p.add_run().add_break(WD_BREAK.PAGE)
para('附件', '黑体', 16, indent=False)
para('泓州市构建以信用为基础的新型监管机制重点任务责任分工表', '方正小标宋简体', 18, 'c')

rows = [
 ('G', '二、健全信用信息归集共享机制'),
 ('（一）', '扩大信用信息归集范围', '市发展改革委', '市数据局、市直各有关部门', '2024年6月底前'),
 ('（二）', '推进涉企信用信息“一企一档”', '市市场监管局', '市发展改革委、市税务局、市人力资源社会保障局、市住房城乡建设局', '2024年6月底前'),
 ('（三）', '强化信用信息共享应用', '市发展改革委', '市公共资源交易中心、市财政局', '长期坚持'),
 ('G', '三、推行信用分级分类监管'),
 ('（一）', '开展经营主体公共信用综合评价', '市发展改革委', '市市场监管局、市数据局', '每季度'),
 ('（二）', '实施差异化监管', '市市场监管局', '市直各行政执法部门', '2024年底前'),
 ('（三）', '推行包容审慎监管', '市司法局', '市市场监管局、市生态环境局、市城市管理局', '2024年9月底前'),
 ('G', '四、强化信用修复和权益保护'),
 ('（一）', '优化信用修复服务', '市发展改革委', '市政务服务中心、市市场监管局', '长期坚持'),
 ('（二）', '规范失信惩戒措施', '市发展改革委', '市中级人民法院、市直各有关部门', '2024年9月底前'),
 ('（三）', '加强信用服务市场培育', '市发展改革委', '市地方金融管理局，各县（市、区）人民政府', '2024年底前'),
]
t = doc.add_table(rows=1, cols=5)
t.style = 'Table Grid'
hdr = ['序号', '重点任务', '牵头单位', '配合单位', '完成时限']
for i, h in enumerate(hdr):
    c = t.rows[0].cells[i]; c.text = ''
    r = c.paragraphs[0].add_run(h); run_font(r, '黑体', 12)
    c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
for row in rows:
    cells = t.add_row().cells
    if row[0] == 'G':
        m = cells[0].merge(cells[4]); m.text = ''
        r = m.paragraphs[0].add_run(row[1]); run_font(r, '黑体', 12)
        continue
    for i, v in enumerate(row):
        cells[i].text = ''
        r = cells[i].paragraphs[0].add_run(v); run_font(r, '仿宋_GB2312', 12)
        if i in (0, 4): cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
widths = [Cm(1.6), Cm(4.6), Cm(2.8), Cm(4.6), Cm(2.4)]
for row in t.rows:
    for i, c in enumerate(row.cells):
        c.width = widths[i]
doc.core_properties.author = 'hzzfb'
doc.core_properties.title = ''
doc.save('/tmp/p44/in/h4_hongzhou.docx')
