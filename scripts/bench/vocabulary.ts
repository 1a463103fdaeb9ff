/** The words the synthetic corpus is made of: a seller-support domain vocabulary and common filler. */

export const ZH_DOMAIN = (
  '封号 申诉 移除订单 订单缺陷率 拒付 拒付账号 账号关联 侵权 跟卖 仓库 物流 资金 冻结 卖家后台 绩效 品牌备案 商标 专利 假货 ' +
  '真实性投诉 发票 供应链 退货 退款 索赔 亚马逊 店铺 运营 listing 变体 关键词 广告 差评 留评 刷单 合规 审核 二审 ' +
  '行动计划 根本原因 整改措施 预防措施 邮件 客服 开case 绩效通知 入仓 头程 尾程 弃置 库存 滞销 仓储费 长期仓储费 ' +
  '配送费 佣金 回款 结算 放款 保留金 信用卡 收款账户 身份验证 视频验证 地址验证 水电账单 营业执照 法人 ' +
  '多账号 关联风险 防关联 虚拟机 网络环境 品类审核 类目 分仓 补货 断货 退货率 取消率 迟发率 有效追踪率 ' +
  '政策违规 知识产权 下架 恢复销售 重新激活 站点 北美站 欧洲站 日本站 增值税 产品安全 召回'
).split(' ');

export const ZH_COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经' +
  '十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样' +
  '与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文' +
  '总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治' +
  '北造百规热领七海口东导器压志世金增争济阶油思术极交受联认六共权收证改清美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗' +
  '完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委' +
  '素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京';

export const JA_WORDS = (
  'アカウント 停止 申し立て 出品 在庫 返品 倉庫 配送 規約 違反 販売者 セラーセントラル 商品 注文 キャンセル 返金 請求 ' +
  '手数料 改善計画 審査 本人確認 書類 提出 ブランド 登録 商標 偽造品 真正性 パフォーマンス 通知 再開 理由 対応 確認'
).split(' ');

export const JA_GLUE =
  'の は を に が で と から まで について します しました された ください です ます また ため'.split(' ');

export const EN_DOMAIN = (
  'suspension appeal removal order defect chargeback inventory invoice counterfeit trademark warehouse disbursement ' +
  'account seller listing brand registry authenticity complaint infringement reinstatement notification performance ' +
  'metrics policy violation shipment fulfillment refund return reimbursement claim storage fees liquidation ' +
  'verification identity marketplace category approval patent copyright review escalation compliance deactivation ' +
  'funds reserve balance payment statement carrier tracking cancellation rate feedback rating hijacker variation ' +
  'keyword advertising campaign supplier manufacturer receipt documentation corrective preventive root cause'
).split(' ');

export const EN_COMMON = (
  'the of and to a in is that for it as with was on be by this are or from at an not have which you your they has ' +
  'can will all if their more one there been also other when we should would about after before these so may any ' +
  'only some than them most time then what into new could must first each within days week business team please ' +
  'information request customer product products include including sure need make sent send received check provide ' +
  'state clearly steps taken future issue issues process detailed explain every following support contact page ' +
  'number date using used because however therefore still again carefully original evidence letter answer'
).split(' ');

export const SYLLABLES =
  'ka ro ven tal mi dor sel qua bri nex tor fen lu zar pol gra dem vi sto can mer lo tri ban sul hov'.split(' ');

/** Latin terms Chinese seller writing is full of ("FBA 移除订单", "开 case"). */
export const ZH_LATIN = 'FBA ASIN listing case SKU A-to-Z VAT UPC review'.split(' ');
