# Generator for in/f2_jiangcheng_shuzi.docx (run with /work/main/.venv/bin/python)
# Digital-economy action plan of an invented prefecture-level city.  The task list is
# a Word table: 序号 | 重点任务 | 主要内容 | 牵头单位 | 配合单位 | 完成时限, with the
# 牵头单位 cell vertically merged over several rows.
from docx import Document
from docx.shared import Pt
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

OUT = '/tmp/p42/in/f2_jiangcheng_shuzi.docx'

doc = Document()
st = doc.styles['Normal']
st.font.name = '仿宋_GB2312'
st.element.rPr.rFonts.set(qn('w:eastAsia'), '仿宋_GB2312')
st.font.size = Pt(14)


def para(text, align=None, bold=False, indent=True):
    p = doc.add_paragraph()
    r = p.add_run(('\u3000\u3000' if indent else '') + text)
    r.bold = bold
    if align == 'c':
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == 'r':
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return p


para('江澄市人民政府办公室关于印发江澄市加快推进数字经济高质量发展行动方案的通知', 'c', True, False)
para('澄政办发〔2023〕41号', 'c', False, False)
para('各县（市、区）人民政府，市政府各部门、各直属机构：', None, False, False)
para('《江澄市加快推进数字经济高质量发展行动方案》已经市政府第27次常务会议研究同意，现印发给你们，请认真贯彻执行。')
para('江澄市人民政府办公室', 'r', False, False)
para('2023年12月18日', 'r', False, False)
para('（此件公开发布）', None, False, True)
para('江澄市加快推进数字经济高质量发展行动方案', 'c', True, False)
para('为抢抓数字经济发展机遇，推动数字技术与实体经济深度融合，加快建设区域数字经济创新发展高地，结合我市实际，制定本方案。')
para('一、总体要求', None, True, False)
para('以数字产业化、产业数字化为主线，以数据要素市场化配置改革为牵引，统筹推进数字基础设施、数字产业和数字治理协同发展。2023年，全市数字经济核心产业增加值达到286亿元，占GDP比重为7.2%；累计建成5G基站6120个，上云企业3800家，发展基础不断夯实。')
para('二、主要目标', None, True, False)
para('2024年，全市数字经济核心产业增加值增长12%以上，新建5G基站1500个，新增上云企业1000家。到2025年，数字经济核心产业增加值占GDP比重达到10%，累计建成5G基站8000个以上，算力规模突破300PFlops，培育省级以上工业互联网平台5个以上。')
para('三、重点任务', None, True, False)
para('围绕数字基础设施、数据要素、产业数字化、数字产业化四个方面，实施12项重点任务，具体如下：')

HEAD = ['序号', '重点任务', '主要内容', '牵头单位', '配合单位', '完成时限']
ROWS = [
    ['1', '加快5G网络深度覆盖', '推进5G基站共建共享，2024年新建5G基站1500个，到2025年累计建成8000个以上，实现乡镇以上区域和重点行政村5G网络全覆盖。',
     '市通信发展管理办公室', '市工信局、市自然资源和规划局，各县（市、区）人民政府', '2025年底前'],
    ['2', '建设城市算力中心', '建成江澄城市算力中心一期，新增标准机架2000个，全市算力规模突破300PFlops。',
     '市数据局', '市发改委、市通信发展管理办公室、江澄高新区管委会', '2025年6月底前'],
    ['3', '推进公共数据开放共享', '完善公共数据资源目录，6月底前市级部门公共数据编目率达到100%，全年开放高质量数据集50个以上。',
     None, '市直有关部门', '每季度'],
    ['4', '培育数据要素市场', '组建江澄市数据集团，推动数据产品登记和挂牌交易，到2025年数据交易额突破2亿元。',
     None, '市国资委、市金融办', '到2025年'],
    ['5', '实施企业“上云用数赋智”行动', '每年新增上云企业1000家，对企业购买云服务的，按当年云服务费用的30%给予补助，单个企业年度最高不超过20万元。',
     '市工信局', '市财政局，各县（市、区）人民政府', '长期坚持'],
    ['6', '建设工业互联网平台', '培育省级以上工业互联网平台5个以上，对新认定的省级工业互联网平台一次性奖励100万元。',
     None, '市科技局', '2025年底前'],
    ['7', '推进规上工业企业数字化改造', '对年主营业务收入2000万元以上的工业企业实施数字化改造的，按设备和软件投资额的10%给予补助，最高不超过300万元；2024年底前完成改造企业200家。',
     None, '市财政局、国家税务总局江澄市税务局', '2024年底前'],
    ['8', '壮大数字经济核心产业', '围绕电子信息制造、软件和信息技术服务业精准招商，全年新增规上数字经济核心产业企业30家。',
     '市发改委', '市商务局、市投资促进中心', '2024年12月底前'],
    ['9', '发展智慧农业和数字乡村', '建设数字农业示范基地10个，益农信息社行政村覆盖率保持100%。',
     '市农业农村局', '市商务局、市邮政管理局', '2025年底前'],
    ['10', '加强数字技能人才培养', '实施数字工匠培育工程，每年培训数字技能人才5000人次，引进数字经济领域高层次人才100名。',
     '市人社局', '市委人才办、市教育局', '长期坚持'],
    ['11', '提升数字政府服务效能', '深化政务服务“一网通办”，依托12345政务服务便民热线建立企业诉求快速响应机制，政务服务事项网上可办率达到98%以上。',
     '市政务服务中心', '市数据局、市直有关部门', '2024年底前'],
    ['12', '筑牢网络和数据安全防线', '建立关键信息基础设施安全保护名录，每年至少组织开展2次网络安全攻防演练，重大网络安全事件处置率达到100%。',
     '市委网信办', '市公安局、市数据局', '长期坚持'],
]

table = doc.add_table(rows=1 + len(ROWS), cols=len(HEAD))
table.style = 'Table Grid'
for j, h in enumerate(HEAD):
    table.cell(0, j).text = h
for i, row in enumerate(ROWS, 1):
    for j, v in enumerate(row):
        if v is not None:
            table.cell(i, j).text = v
# vertical merges of the 牵头单位 column: rows 2-4 (市数据局) and rows 5-7 (市工信局)
for top, bottom in ((2, 4), (5, 7)):
    text = ROWS[top - 1][3]
    merged = table.cell(top, 3).merge(table.cell(bottom, 3))
    merged.text = text

para('四、保障措施', None, True, False)
para('（一）强化组织领导。成立由市长任组长的市数字经济发展领导小组，领导小组办公室设在市工信局，统筹推进各项任务落实。')
para('（二）加大资金支持。市财政每年安排数字经济发展专项资金2亿元。对首次认定的国家级专精特新“小巨人”企业，一次性奖励50万元；对年营业收入首次突破10亿元的数字经济核心企业，一次性奖励100万元。（市财政局、市工信局按职责分工负责）')
para('（三）强化督查评估。建立任务清单、责任清单、进度清单，每季度调度通报工作进展，年底前开展年度评估，评估结果纳入市直部门和各县（市、区）高质量发展综合考核。')
para('抄送：市委办公室，市人大常委会办公室，市政协办公室。', None, False, False)

doc.save(OUT)
print('saved', OUT)
