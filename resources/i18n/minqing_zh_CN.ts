<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>Minqing Ledger</source>
        <translation>民情台账</translation>
    </message>
    <message>
        <source>Campaign ledger for grassroots visits and the three lists.</source>
        <translation>党员干部下基层察民情走访记录与“三个清单”销号管理台账。</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Bundled fonts:</source>
        <translation>随附字体：</translation>
    </message>
    <message>
        <source>Licence texts:</source>
        <translation>字体许可证全文：</translation>
    </message>
    <message>
        <source>About Minqing Ledger</source>
        <translation>关于民情台账</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Copy the selected rows (pastes into Excel)</source>
        <translation>复制选中的行（可直接粘贴到 Excel）</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>删除选中的记录</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>The tabs hold personnel and contact points, the visit log, the three lists and the progress charts. Reports and data exchange are in the menus.</source>
        <translation>各标签页分别是人员与联系点、走访日志、三个清单和进度图表。报表和数据交换在菜单中。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>AssignmentDialog</name>
    <message>
        <source>Change assignment</source>
        <translation>修改联系点</translation>
    </message>
    <message>
        <source>New assignment</source>
        <translation>新增联系点</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>已结束，结束日期</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>联系类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>联系单位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Started on</source>
        <translation>开始日期(&amp;S)</translation>
    </message>
    <message>
        <source>En&amp;ded</source>
        <translation>结束(&amp;D)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>This assignment no longer exists.</source>
        <translation>该联系点已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>Please choose a unit from the list</source>
        <translation>请从列表中选择联系单位</translation>
    </message>
    <message>
        <source>Please choose the unit</source>
        <translation>请选择联系单位</translation>
    </message>
    <message>
        <source>The end date cannot be before the start date</source>
        <translation>结束日期不能早于开始日期</translation>
    </message>
</context>
<context>
    <name>AssignmentTable</name>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>until %s</source>
        <translation>至 %s</translation>
    </message>
    <message>
        <source>ended %s</source>
        <translation>已于 %s 结束</translation>
    </message>
    <message>
        <source>Note: %s</source>
        <translation>备注：%s</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>联系单位</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>BranchPicker</name>
    <message>
        <source>Filter branches</source>
        <translation>筛选党支部</translation>
    </message>
</context>
<context>
    <name>CadreDetail</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit this cadre&apos;s details</source>
        <translation>编辑该干部的信息</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Party branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assignments (contact points, community, village, ...)</source>
        <translation>联系点（基层联系点、双报到社区、帮扶村等）</translation>
    </message>
    <message>
        <source>The nine ones</source>
        <translation>九个一</translation>
    </message>
    <message>
        <source>Leader&apos;s quotas</source>
        <translation>领导干部任务指标</translation>
    </message>
    <message>
        <source>&amp;Add assignment…</source>
        <translation>新增联系点(&amp;A)…</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>修改(&amp;H)…</translation>
    </message>
    <message>
        <source>E&amp;nd…</source>
        <translation>结束(&amp;N)…</translation>
    </message>
    <message>
        <source>No cadre chosen</source>
        <translation>未选择干部</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在岗（参加活动）</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>CadreDialog</name>
    <message>
        <source>Edit cadre</source>
        <translation>编辑干部</translation>
    </message>
    <message>
        <source>New cadre</source>
        <translation>新增干部</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>11-digit mobile or 0722-1234567</source>
        <translation>11 位手机号或 0722-1234567</translation>
    </message>
    <message>
        <source>Active (takes part in the campaign)</source>
        <translation>在岗（参加活动）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>层级(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>所在单位(&amp;U)</translation>
    </message>
    <message>
        <source>Party &amp;branch</source>
        <translation>党支部(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>职务(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>性别(&amp;G)</translation>
    </message>
    <message>
        <source>This cadre no longer exists.</source>
        <translation>该干部已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>Please enter the name</source>
        <translation>请填写姓名</translation>
    </message>
    <message>
        <source>Please choose a unit from the list</source>
        <translation>请从列表中选择单位</translation>
    </message>
    <message>
        <source>Please choose the unit</source>
        <translation>请选择所在单位</translation>
    </message>
    <message>
        <source>Please choose a party branch from the list, or leave it empty</source>
        <translation>请从列表中选择党支部，或留空</translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number (e.g. 13912345678) or a landline with area code (e.g. 0722-1234567), or leave it empty</source>
        <translation>请填写 11 位手机号（如 13912345678）或带区号的座机号（如 0722-1234567），没有可留空</translation>
    </message>
</context>
<context>
    <name>CadrePicker</name>
    <message>
        <source>{name}, {detail} — click to remove</source>
        <translation>{name}，{detail}——点击移除</translation>
    </message>
</context>
<context>
    <name>CadreTable</name>
    <message>
        <source> (inactive)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>Registered: %s</source>
        <translation>已下沉：%s</translation>
    </message>
    <message>
        <source>Not registered with a community</source>
        <translation>未下沉社区</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>支部</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Nine ones done</source>
        <translation>九个一完成</translation>
    </message>
    <message>
        <source>Community status</source>
        <translation>下沉状态</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Name, pinyin initials (zs) or phone</source>
        <translation>姓名、拼音首字母（如 zs）或电话</translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation>层级(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>支部(&amp;B)：</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>全部支部</translation>
    </message>
    <message>
        <source>All cadres</source>
        <translation>全部干部</translation>
    </message>
    <message>
        <source>Not yet gone down</source>
        <translation>尚未下基层</translation>
    </message>
    <message>
        <source>Everyone who can go must go: active cadres with no visit recorded in this campaign</source>
        <translation>应下尽下：本次活动中还没有走访记录的在岗干部</translation>
    </message>
    <message>
        <source>Include inactive</source>
        <translation>含已停用</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <source>%1 cadres</source>
        <translation>共 %1 人</translation>
    </message>
</context>
<context>
    <name>CareDetailsPanel</name>
    <message>
        <source>Select a record to see it and its help entries. Each opening of a record is written to the audit log.</source>
        <translation>选择一条记录查看详情和帮扶情况。每次查看都会记入审计日志。</translation>
    </message>
    <message>
        <source>born {year}</source>
        <translation>{year} 年出生</translation>
    </message>
    <message>
        <source>being helped</source>
        <translation>帮扶中</translation>
    </message>
    <message>
        <source>help ended</source>
        <translation>帮扶已结束</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>对象类别</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>Responsible cadre</source>
        <translation>责任干部</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Help given: {n} times</source>
        <translation>帮扶情况：共 {n} 次</translation>
    </message>
    <message>
        <source>No help recorded yet.</source>
        <translation>尚无帮扶记录。</translation>
    </message>
</context>
<context>
    <name>CareEntryForm</name>
    <message>
        <source>Date *</source>
        <translation>帮扶日期 *</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>帮扶干部</translation>
    </message>
    <message>
        <source>Help given *</source>
        <translation>帮扶内容 *</translation>
    </message>
    <message>
        <source>Name or pinyin initials (zs)</source>
        <translation>输入姓名或拼音首字母（如 zs）</translation>
    </message>
    <message>
        <source>e.g. visited the family, brought books</source>
        <translation>如：上门家访，送去学习用品</translation>
    </message>
    <message>
        <source>Add help (Enter)</source>
        <translation>登记帮扶（Enter）</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Enter adds the entry · Esc empties the form</source>
        <translation>Enter 登记 · Esc 清空</translation>
    </message>
    <message>
        <source>Help entry (select a record first)</source>
        <translation>登记帮扶情况（请先在右侧选择关爱对象）</translation>
    </message>
    <message>
        <source>Help for {name}</source>
        <translation>为 {name} 登记帮扶情况</translation>
    </message>
    <message>
        <source>The date cannot be later than today</source>
        <translation>帮扶日期不能晚于今天</translation>
    </message>
    <message>
        <source>The help has ended; tick “Being helped” in the record to add help again.</source>
        <translation>帮扶已结束；如需继续登记，请在记录中勾选“帮扶中”。</translation>
    </message>
</context>
<context>
    <name>CareFilterBar</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Name or words in the situation</source>
        <translation>姓名或基本情况中的词</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>Being helped</source>
        <translation>帮扶中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Helped or ended</source>
        <translation>全部状态</translation>
    </message>
</context>
<context>
    <name>CareRecordForm</name>
    <message>
        <source>Group *</source>
        <translation>对象类别 *</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Student or staff</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Unit *</source>
        <translation>所在单位 *</translation>
    </message>
    <message>
        <source>Responsible cadre</source>
        <translation>责任干部</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>gender not recorded</source>
        <translation>性别未填</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>填写全名</translation>
    </message>
    <message>
        <source>Type part of the school&apos;s name</source>
        <translation>输入学校名称的一部分</translation>
    </message>
    <message>
        <source>Name or pinyin initials (zs)</source>
        <translation>输入姓名或拼音首字母（如 zs）</translation>
    </message>
    <message>
        <source>The family&apos;s situation, the disability or hardship, what help is needed</source>
        <translation>家庭情况、障碍或困难情况、需要的帮扶</translation>
    </message>
    <message>
        <source>Being helped (untick when the help has ended)</source>
        <translation>帮扶中（帮扶结束时取消勾选）</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（Enter）</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Enter saves · Esc cancels · Tab moves on</source>
        <translation>Enter 保存 · Esc 取消 · Tab 下一项</translation>
    </message>
    <message>
        <source>New care record</source>
        <translation>新增关爱对象</translation>
    </message>
    <message>
        <source>Editing the care record of {name}</source>
        <translation>修改 {name} 的关爱记录</translation>
    </message>
</context>
<context>
    <name>CareRegisterWidget</name>
    <message>
        <source>Care records concern minors and health information and are shown only to authorised staff. To see them, ask the administrator for authorisation.</source>
        <translation>关爱帮扶记录涉及未成年人和健康信息，仅授权人员可见。如需查看，请联系管理员授权。</translation>
    </message>
    <message>
        <source>Confidential: each opened record is logged</source>
        <translation>保密信息：每次查看记录均记入审计日志</translation>
    </message>
    <message>
        <source>Edit the record</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>End the help…</source>
        <translation>结束帮扶…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>{n} records ({groups})</source>
        <translation>共 {n} 人（{groups}）</translation>
    </message>
    <message>
        <source>The records could not be read: {error}</source>
        <translation>无法读取关爱帮扶记录：{error}</translation>
    </message>
    <message>
        <source>The help being typed is still for {name}: add it or press Esc first.</source>
        <translation>正在填写的帮扶情况仍属于 {name}：请先登记，或按 Esc 清空。</translation>
    </message>
    <message>
        <source>Unsaved care record</source>
        <translation>关爱对象未保存</translation>
    </message>
    <message>
        <source>The care record form has changes that are not saved. Discard them?</source>
        <translation>关爱对象表单中有尚未保存的修改，要放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Not saved: please correct what is marked in red.</source>
        <translation>未保存：请按红字提示修改。</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this record.</source>
        <translation>未保存：该记录已被其他用户修改。</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved the care record of {name}.</source>
        <translation>已保存 {name} 的关爱记录。</translation>
    </message>
    <message>
        <source>End the help</source>
        <translation>结束帮扶</translation>
    </message>
    <message>
        <source>End the regular help for {name}? The record and its help entries stay on file; ticking “Being helped” later resumes it.</source>
        <translation>结束对 {name} 的定期帮扶？记录和帮扶情况仍会保留；以后勾选“帮扶中”即可恢复。</translation>
    </message>
    <message>
        <source>Ended the help for {name}.</source>
        <translation>已结束对 {name} 的帮扶。</translation>
    </message>
    <message>
        <source>Added help for {name}.</source>
        <translation>已为 {name} 登记帮扶情况。</translation>
    </message>
</context>
<context>
    <name>CareTable</name>
    <message>
        <source>Group</source>
        <translation>对象类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Responsible cadre</source>
        <translation>责任干部</translation>
    </message>
    <message>
        <source>Help entries</source>
        <translation>帮扶次数</translation>
    </message>
    <message>
        <source>Last help</source>
        <translation>最近帮扶</translation>
    </message>
    <message>
        <source>Helping</source>
        <translation>帮扶中</translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message>
        <source>Drawing “{name}”…</source>
        <translation>正在绘制“{name}”……</translation>
    </message>
    <message>
        <source>The chart could not be drawn: {error}</source>
        <translation>图表未能绘制：{error}</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Chart saved to {path}</source>
        <translation>图表已保存到 {path}</translation>
    </message>
    <message>
        <source>Progress charts</source>
        <translation>进度图表</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Whole campaign</source>
        <translation>整个活动期间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Save the chart as PNG, SVG or PDF</source>
        <translation>把图表保存为 PNG、SVG 或 PDF 文件</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>Choose a cadre to see the nine ones.</source>
        <translation>选择一名干部即可查看其“九个一”完成情况。</translation>
    </message>
    <message>
        <source>Nine ones: %1 of %2 done</source>
        <translation>九个一：已完成 %1 项，共 %2 项</translation>
    </message>
    <message>
        <source>✓ Done</source>
        <translation>✓ 已完成</translation>
    </message>
    <message>
        <source>✗ Missing</source>
        <translation>✗ 未完成</translation>
    </message>
    <message>
        <source>No running assignment of this kind</source>
        <translation>暂无此类联系点</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 等（另有 %2 个）</translation>
    </message>
    <message>
        <source>No visit recorded yet</source>
        <translation>尚无走访记录</translation>
    </message>
    <message>
        <source> (%1 visits in all)</source>
        <translation> 等，共 %1 次走访</translation>
    </message>
    <message>
        <source>%1 visits in all</source>
        <translation>共 %1 次走访</translation>
    </message>
</context>
<context>
    <name>CloseOutDialog</name>
    <message>
        <source>Close out task {number}</source>
        <translation>任务 {number} 销号</translation>
    </message>
    <message>
        <source>Closing out needs an effect, a follow-up rating that is not “unsatisfied”, and a named approver. The task&apos;s problems are closed out with it; closed items stay on record, read-only.</source>
        <translation>销号须已登记效果、群众回访评价不是“不满意”，并写明审批人。任务销号时其问题一并销号；已销号的事项保留在台账中，只读。</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>Close out</source>
        <translation>销号</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>The program ran into an error it did not expect. What you saved before is safe; the last action may not have been completed.

Please copy the details and send them to the person who supports this program.</source>
        <translation>程序遇到了一个意外错误。此前已保存的数据不受影响，但刚才的操作可能没有完成。

请点击“复制详细信息”，把内容发给负责维护本程序的人员。</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Double-click or press Enter to go there</source>
        <translation>双击或按回车跳转</translation>
    </message>
    <message>
        <source>Linked items</source>
        <translation>关联事项</translation>
    </message>
    <message>
        <source>Select a row to see what is linked to it.</source>
        <translation>选中一行，即可查看与之关联的事项。</translation>
    </message>
    <message>
        <source>Tasks for this problem (double-click to open)</source>
        <translation>办理该问题的任务（双击打开）</translation>
    </message>
    <message>
        <source>merged into {number}</source>
        <translation>已合并到 {number}</translation>
    </message>
    <message>
        <source>duplicate {number} merged here</source>
        <translation>重复问题 {number} 已合并到此</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>反映日期</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>涉及单位</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Strongly reported</source>
        <translation>反映强烈</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>收集干部</translation>
    </message>
    <message>
        <source>No task yet: select it and open a task.</source>
        <translation>尚未立项：选中该问题后可为它立项。</translation>
    </message>
    <message>
        <source>Effect ({number})</source>
        <translation>效果（{number}）</translation>
    </message>
    <message>
        <source>Problems served (double-click to open)</source>
        <translation>所办理的问题（双击打开）</translation>
    </message>
    <message>
        <source>Resolution mode</source>
        <translation>解决方式</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Lead leader</source>
        <translation>领办领导</translation>
    </message>
    <message>
        <source>Livelihood project</source>
        <translation>民生实事</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>立项日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Closed out</source>
        <translation>销号情况</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Progress notes</source>
        <translation>进展记录</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>No effect recorded yet.</source>
        <translation>尚未登记效果。</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>回访评价</translation>
    </message>
    <message>
        <source>{n} asked</source>
        <translation>回访 {n} 人</translation>
    </message>
    <message>
        <source>Nobody asked yet.</source>
        <translation>尚未回访。</translation>
    </message>
</context>
<context>
    <name>EffectDialog</name>
    <message>
        <source>Effect of task {number}</source>
        <translation>任务 {number} 的效果</translation>
    </message>
    <message>
        <source>e.g. photos before and after, the notice</source>
        <translation>如整改前后照片、通知文件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理成效</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
</context>
<context>
    <name>EndAssignmentDialog</name>
    <message>
        <source>End assignment — %s</source>
        <translation>结束联系点 — %s</translation>
    </message>
    <message>
        <source>&amp;Ended on</source>
        <translation>结束日期(&amp;E)</translation>
    </message>
    <message>
        <source>The end date cannot be before the start date (%s)</source>
        <translation>结束日期不能早于开始日期（%s）</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Follow-up of task {number}</source>
        <translation>任务 {number} 群众回访</translation>
    </message>
    <message>
        <source>who was asked; never published</source>
        <translation>回访对象；不公开</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Who was asked</source>
        <translation>回访对象</translation>
    </message>
    <message>
        <source>Respondent type</source>
        <translation>回访对象类型</translation>
    </message>
    <message>
        <source>How</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>People asked</source>
        <translation>回访人数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评价意见</translation>
    </message>
    <message>
        <source>⚠ An unsatisfied rating sends the task back to work: a new effect and a new follow-up are needed before it can be closed out.</source>
        <translation>⚠ 评价“不满意”将把任务退回办理：需重新登记效果并再次回访后才能销号。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search number or text… (Ctrl+F)</source>
        <translation>搜索编号或内容…（Ctrl+F）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>All resolution modes</source>
        <translation>全部解决方式</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>全部时限</translation>
    </message>
    <message>
        <source>⚠ Overdue</source>
        <translation>⚠ 已逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>★ Strongly reported only</source>
        <translation>★ 只看群众反映强烈</translation>
    </message>
    <message>
        <source>Livelihood projects only</source>
        <translation>只看民生实事项目</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Reported between</source>
        <translation>反映日期</translation>
    </message>
    <message>
        <source>Opened between</source>
        <translation>立项日期</translation>
    </message>
    <message>
        <source>Completed between</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All responsible units</source>
        <translation>全部责任单位</translation>
    </message>
    <message>
        <source>All lead leaders</source>
        <translation>全部领办领导</translation>
    </message>
</context>
<context>
    <name>FindingRow</name>
    <message>
        <source>Area</source>
        <translation>问题领域</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>What was reported (required)</source>
        <translation>反映的问题（必填）</translation>
    </message>
    <message>
        <source>Strongly reported</source>
        <translation>群众反映强烈</translation>
    </message>
    <message>
        <source>The people feel strongly about it</source>
        <translation>群众对此反映强烈</translation>
    </message>
    <message>
        <source>Who raised it</source>
        <translation>反映人类型</translation>
    </message>
    <message>
        <source>Remove this problem (it is not saved)</source>
        <translation>移除这条问题（尚未保存）</translation>
    </message>
</context>
<context>
    <name>FindingsEditor</name>
    <message>
        <source>Add a problem (Ctrl+Enter)</source>
        <translation>添加问题（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Each problem is written to the problem list when the visit is saved</source>
        <translation>保存走访时，每条问题都登记到问题清单</translation>
    </message>
    <message>
        <source>No problems yet. Problems added here go to the problem list, linked to this visit.</source>
        <translation>暂无问题。在此添加的问题将登记到问题清单，并关联本次走访。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>This database has no user yet. Create the administrator account: it manages the other accounts. Keep the password safe; nobody can recover it.</source>
        <translation>该数据库还没有任何用户。请创建管理员账号，由它维护其他用户账号。请妥善保管密码，忘记后无人能找回。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <source>At least 8 characters, not only digits, not the user name</source>
        <translation>至少 8 个字符，不能全是数字，不能与用户名相同</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>Enter a user name, e.g. the pinyin of your name</source>
        <translation>请填写用户名，例如姓名的拼音</translation>
    </message>
    <message>
        <source>A user name cannot contain spaces</source>
        <translation>用户名不能包含空格，请删除空格</translation>
    </message>
    <message>
        <source>Enter your name as colleagues know it</source>
        <translation>请填写姓名（同事熟悉的称呼）</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice</source>
        <translation>两次输入的密码不一致，请重新输入相同的密码</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Load the record as it is saved now? Choose No to keep your input in the form.</source>
        <translation>是否载入该记录当前保存的内容？选“否”则保留您在表单中的输入。</translation>
    </message>
    <message>
        <source>The form now shows the record as saved by the other user; make your change again and save.</source>
        <translation>表单已显示其他用户保存后的内容，请重新修改后保存。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of {what}</source>
        <translation>{what} 的历史记录</translation>
    </message>
    <message>
        <source>No changes recorded for this item.</source>
        <translation>该事项没有修改记录。</translation>
    </message>
</context>
<context>
    <name>HistoryFields</name>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>title</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <source>measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>progress</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <source>resolution mode</source>
        <translation>解决方式</translation>
    </message>
    <message>
        <source>responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>lead leader</source>
        <translation>领办领导</translation>
    </message>
    <message>
        <source>livelihood project</source>
        <translation>民生实事项目</translation>
    </message>
    <message>
        <source>closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>reported on</source>
        <translation>反映日期</translation>
    </message>
    <message>
        <source>source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>raised by</source>
        <translation>反映人类型</translation>
    </message>
    <message>
        <source>reporter&apos;s name</source>
        <translation>反映人姓名</translation>
    </message>
    <message>
        <source>reporter&apos;s phone</source>
        <translation>反映人电话</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>涉及单位</translation>
    </message>
    <message>
        <source>region</source>
        <translation>所属区域</translation>
    </message>
    <message>
        <source>area</source>
        <translation>问题领域</translation>
    </message>
    <message>
        <source>category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>strongly reported</source>
        <translation>群众反映强烈</translation>
    </message>
    <message>
        <source>collected by</source>
        <translation>收集干部</translation>
    </message>
    <message>
        <source>merged into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>result</source>
        <translation>办理成效</translation>
    </message>
    <message>
        <source>completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>佐证材料说明</translation>
    </message>
</context>
<context>
    <name>ListColumns</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>改动内容</translation>
    </message>
    <message>
        <source>Strongly reported by the people</source>
        <translation>群众反映强烈</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>反映日期</translation>
    </message>
    <message>
        <source>Strongly reported</source>
        <translation>反映强烈</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>涉及单位</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>收集干部</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Resolution mode</source>
        <translation>解决方式</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Lead leader</source>
        <translation>领办领导</translation>
    </message>
    <message>
        <source>Livelihood project</source>
        <translation>民生实事</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>立项日期</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理成效</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
</context>
<context>
    <name>ListsTab</name>
    <message>
        <source>The three lists</source>
        <translation>三个清单</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer for 30 days</source>
        <translation>在本机记住我，30 天内免输密码(&amp;R)</translation>
    </message>
    <message>
        <source>Not for administrator and leader accounts: they always type the password.</source>
        <translation>管理员和领导账号不能记住，每次都需输入密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Personnel and contact points</source>
        <translation>人员与联系点</translation>
    </message>
    <message>
        <source>Visit log</source>
        <translation>走访日志</translation>
    </message>
    <message>
        <source>Three lists</source>
        <translation>三个清单</translation>
    </message>
    <message>
        <source>Progress charts</source>
        <translation>进度图表</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库……</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>新建记录(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Make a report…</source>
        <translation>生成报表(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Export a data package…</source>
        <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import a data package…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>系统设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Not available yet: comes in a later version.</source>
        <translation>此功能尚未提供，将在后续版本中实现。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>Data e&amp;xchange</source>
        <translation>数据交换(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Minqing Ledger</source>
        <translation>民情台账</translation>
    </message>
    <message>
        <source>[demo data]</source>
        <translation>［演示数据］</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>数据库：{location}</translation>
    </message>
    <message>
        <source>Visits {visits} · Problems {problems} · Tasks {tasks}</source>
        <translation>走访 {visits} 次 · 问题 {problems} 个 · 任务 {tasks} 项</translation>
    </message>
    <message>
        <source>Due this week: {n}</source>
        <translation>本周到期：{n}</translation>
    </message>
    <message>
        <source>⚠ Overdue: {n}</source>
        <translation>⚠ 逾期：{n}</translation>
    </message>
    <message>
        <source>Show the tasks due soon</source>
        <translation>查看即将到期的任务</translation>
    </message>
    <message>
        <source>Show the overdue tasks</source>
        <translation>查看逾期的任务</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicate problem {number}</source>
        <translation>合并重复问题 {number}</translation>
    </message>
    <message>
        <source>Problem {number} will be marked as a duplicate of the problem you name below. Both stay on record and are linked; the duplicate gets no task of its own.</source>
        <translation>问题 {number} 将标记为下面所填问题的重复问题。两条问题都保留在台账中并相互关联；重复问题不再单独立项。</translation>
    </message>
    <message>
        <source>the number of the problem to merge into</source>
        <translation>要合并到的问题编号</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>No problem has this number yet.</source>
        <translation>没有这个编号的问题。</translation>
    </message>
    <message>
        <source>Type the number of an existing problem to merge into.</source>
        <translation>请填写要合并到的已有问题的编号。</translation>
    </message>
</context>
<context>
    <name>OrgTree</name>
    <message>
        <source>Filter regions and units</source>
        <translation>筛选区域和单位</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <source>New branch pairing</source>
        <translation>新增结对共建</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>已结束，结束日期</translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation>结对社区(&amp;C)</translation>
    </message>
    <message>
        <source>Bureau &amp;branches</source>
        <translation>机关党支部(&amp;B)</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>结对模式</translation>
    </message>
    <message>
        <source>&amp;Started on</source>
        <translation>开始日期(&amp;S)</translation>
    </message>
    <message>
        <source>En&amp;ded</source>
        <translation>结束(&amp;D)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Tick at least one bureau branch</source>
        <translation>请至少勾选一个机关党支部</translation>
    </message>
    <message>
        <source>%1 (%2 bureau branches with one community)</source>
        <translation>%1（%2 个机关党支部与 1 个社区结对）</translation>
    </message>
    <message>
        <source>Please choose the community from the list</source>
        <translation>请从列表中选择结对社区</translation>
    </message>
    <message>
        <source>Please tick at least one bureau party branch</source>
        <translation>请至少勾选一个机关党支部</translation>
    </message>
    <message>
        <source>The end date cannot be before the start date</source>
        <translation>结束日期不能早于开始日期</translation>
    </message>
</context>
<context>
    <name>PairingTable</name>
    <message>
        <source>since %s</source>
        <translation>%s 起</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Bureau branches</source>
        <translation>机关党支部</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>结对期间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PairingsPanel</name>
    <message>
        <source>New &amp;pairing…</source>
        <translation>新增结对(&amp;P)…</translation>
    </message>
    <message>
        <source>Branch-to-branch pairing with residential communities: 1+1 is one bureau branch with one community, N+1 several bureau branches with one.</source>
        <translation>机关党支部与社区（小区）党支部结对共建：“1+1”为 1 个机关党支部结对 1 个社区，“N+1”为多个机关党支部结对 1 个社区。</translation>
    </message>
</context>
<context>
    <name>PersonnelTab</name>
    <message>
        <source>Personnel and contact points</source>
        <translation>人员与联系点</translation>
    </message>
    <message>
        <source>Cadres and assignments</source>
        <translation>干部与联系点</translation>
    </message>
    <message>
        <source>Care register</source>
        <translation>关爱帮扶</translation>
    </message>
</context>
<context>
    <name>PersonnelWidget</name>
    <message>
        <source>New &amp;unit…</source>
        <translation>新增单位(&amp;U)…</translation>
    </message>
    <message>
        <source>Edit uni&amp;t…</source>
        <translation>编辑单位(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;New cadre…</source>
        <translation>新增干部(&amp;N)…</translation>
    </message>
    <message>
        <source>New cadre (Ctrl+N)</source>
        <translation>新增干部（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit cadre…</source>
        <translation>编辑干部(&amp;E)…</translation>
    </message>
    <message>
        <source>Cadres</source>
        <translation>干部名单</translation>
    </message>
    <message>
        <source>Branch pairings (1+1 / N+1)</source>
        <translation>结对共建（1+1 / N+1）</translation>
    </message>
</context>
<context>
    <name>ProblemDialog</name>
    <message>
        <source>Edit problem {number}</source>
        <translation>修改问题 {number}</translation>
    </message>
    <message>
        <source>New problem</source>
        <translation>登记问题</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>（无涉及单位）</translation>
    </message>
    <message>
        <source>(from the unit)</source>
        <translation>（按涉及单位）</translation>
    </message>
    <message>
        <source>Strongly reported by the people (群众反映强烈)</source>
        <translation>群众反映强烈</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>反映日期</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Unit concerned</source>
        <translation>涉及单位</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>反映人类型</translation>
    </message>
    <message>
        <source>Reporter&apos;s name</source>
        <translation>反映人姓名</translation>
    </message>
    <message>
        <source>Reporter&apos;s phone</source>
        <translation>反映人电话</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>收集干部</translation>
    </message>
    <message>
        <source>optional; personal data, never published</source>
        <translation>可不填；个人信息，不公开</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Starting…</source>
        <translation>正在开始……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消……</translation>
    </message>
    <message>
        <source>Progress of task {number}</source>
        <translation>任务 {number} 进展</translation>
    </message>
    <message>
        <source>Progress note</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Percent done</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen task {number}</source>
        <translation>重新打开任务 {number}</translation>
    </message>
    <message>
        <source>The task and its problems go back to work. Say why: the reason is kept in the history.</source>
        <translation>任务及其问题将退回办理。请写明原因，原因会记入历史记录。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Edit task {number}</source>
        <translation>修改任务 {number}</translation>
    </message>
    <message>
        <source>Open a task</source>
        <translation>立项任务</translation>
    </message>
    <message>
        <source>add a problem by its number, then Enter</source>
        <translation>输入问题编号后按回车添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>(no lead leader)</source>
        <translation>（无领办领导）</translation>
    </message>
    <message>
        <source>Practical project for the people (民生实事项目)</source>
        <translation>民生实事项目</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <source>Resolution mode</source>
        <translation>解决方式</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Lead leader</source>
        <translation>领办领导</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>立项日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>No problem has the number {number}.</source>
        <translation>没有编号为 {number} 的问题。</translation>
    </message>
    <message>
        <source>Default for this resolution mode: {days} working days; you may change it.</source>
        <translation>按此解决方式默认 {days} 个工作日，可修改。</translation>
    </message>
    <message>
        <source>Deadline set by hand.</source>
        <translation>办结时限已手动修改。</translation>
    </message>
</context>
<context>
    <name>ThreeListsWidget</name>
    <message>
        <source>Problem list</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <source>Task list</source>
        <translation>任务清单</translation>
    </message>
    <message>
        <source>Effect list</source>
        <translation>效果清单</translation>
    </message>
    <message>
        <source>New problem (Ctrl+N)</source>
        <translation>登记问题（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>★ Strongly reported</source>
        <translation>★ 群众反映强烈</translation>
    </message>
    <message>
        <source>Merge duplicate…</source>
        <translation>合并重复问题…</translation>
    </message>
    <message>
        <source>Open task for selected</source>
        <translation>为所选问题立项</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>New task (Ctrl+N)</source>
        <translation>立项任务（Ctrl+N）</translation>
    </message>
    <message>
        <source>Add progress</source>
        <translation>登记进展</translation>
    </message>
    <message>
        <source>Record effect</source>
        <translation>登记效果</translation>
    </message>
    <message>
        <source>Follow-up (回访)</source>
        <translation>群众回访</translation>
    </message>
    <message>
        <source>Close out (销号)</source>
        <translation>销号</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>{n} shown by the filter</source>
        <translation>筛选结果 {n} 条</translation>
    </message>
    <message>
        <source>Closed out items are read-only; reopen the task first to change it.</source>
        <translation>已销号的事项只读；如需修改，请先重新打开任务。</translation>
    </message>
    <message>
        <source>This problem was merged into another one.</source>
        <translation>该问题已合并到其他问题。</translation>
    </message>
    <message>
        <source>Clear ★ strongly reported</source>
        <translation>取消★群众反映强烈</translation>
    </message>
    <message>
        <source>Sent back to work</source>
        <translation>已退回办理</translation>
    </message>
    <message>
        <source>The people are not satisfied, so task {number} is back “in progress” and its problems too. Keep working on it, record a new effect and ask again before closing it out.</source>
        <translation>群众不满意，任务 {number} 及其问题已退回“办理中”。请继续整改，重新登记效果并再次回访后再销号。</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Edit unit</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>单位名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>单位类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>所属区域(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Parent unit</source>
        <translation>上级单位(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Sort order</source>
        <translation>排序号(&amp;S)</translation>
    </message>
    <message>
        <source>This unit no longer exists.</source>
        <translation>该单位已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>Please enter the unit&apos;s name</source>
        <translation>请填写单位名称</translation>
    </message>
    <message>
        <source>Please choose the parent unit from the list, or leave it empty</source>
        <translation>请从列表中选择上级单位，或留空</translation>
    </message>
</context>
<context>
    <name>VisitDetailsPanel</name>
    <message>
        <source>Select a visit to see it in full. Double-click (or Enter) opens it in the form for editing.</source>
        <translation>选中一条走访可在此查看详情。双击（或按回车）在表单中打开修改。</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>People met</source>
        <translation>交流人数</translation>
    </message>
    <message>
        <source>{s} students, {t} teachers, {p} parents</source>
        <translation>学生 {s} 人，教师 {t} 人，家长 {p} 人</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>走访内容</translation>
    </message>
    <message>
        <source>Talked with</source>
        <translation>交流对象</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>发现的情况</translation>
    </message>
    <message>
        <source>Reported to the party organisation</source>
        <translation>向党组织报告</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>已报告</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未报告</translation>
    </message>
    <message>
        <source>Problems found: {n}</source>
        <translation>发现的问题：{n} 个</translation>
    </message>
    <message>
        <source>No problems recorded.</source>
        <translation>未登记问题。</translation>
    </message>
</context>
<context>
    <name>VisitFilterBar</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Words in the content, talked with, findings or problems (e.g. 食堂)</source>
        <translation>走访内容、交流对象、发现情况或问题中的字词（如：食堂）</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All cadres</source>
        <translation>全部干部</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>全部方式</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Visit date *</source>
        <translation>走访日期 *</translation>
    </message>
    <message>
        <source>Cadres *</source>
        <translation>参加干部 *</translation>
    </message>
    <message>
        <source>Unit visited *</source>
        <translation>走访单位 *</translation>
    </message>
    <message>
        <source>Method *</source>
        <translation>走访方式 *</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>People met</source>
        <translation>交流人数</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>走访内容</translation>
    </message>
    <message>
        <source>Talked with</source>
        <translation>交流对象</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>发现的情况</translation>
    </message>
    <message>
        <source>Alt+↓ opens the calendar; ↑/↓ change the part under the cursor</source>
        <translation>Alt+↓ 打开日历；↑/↓ 调整光标所在的年、月或日</translation>
    </message>
    <message>
        <source>Type a name or its pinyin initials (zs), Enter adds</source>
        <translation>输入姓名或拼音首字母（如 zs），回车添加</translation>
    </message>
    <message>
        <source>Enter adds the highlighted cadre; Backspace in the empty field removes the last</source>
        <translation>回车添加高亮的干部；输入框为空时按退格键移除最后一位</translation>
    </message>
    <message>
        <source>Type part of the unit&apos;s name</source>
        <translation>输入单位名称中的任意几个字</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>家长</translation>
    </message>
    <message>
        <source>What the cadres did on the visit</source>
        <translation>走访中做了什么</translation>
    </message>
    <message>
        <source>Who they talked with</source>
        <translation>与谁交流</translation>
    </message>
    <message>
        <source>What they found, in words</source>
        <translation>发现的情况（文字描述）</translation>
    </message>
    <message>
        <source>Reported to the cadres&apos; party organisation</source>
        <translation>已向所在党组织报告察访情况</translation>
    </message>
    <message>
        <source>Problems found (go to the problem list)</source>
        <translation>发现的问题（登记到问题清单）</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新增走访</translation>
    </message>
    <message>
        <source>Enter saves · Ctrl+Enter adds a problem · Esc cancels</source>
        <translation>回车保存 · Ctrl+Enter 添加问题 · Esc 取消</translation>
    </message>
    <message>
        <source>Editing visit {number}</source>
        <translation>修改走访 {number}</translation>
    </message>
    <message>
        <source>Enter saves the changes · Esc cancels. Problems added below are new ones; problems already recorded are edited in the problem list.</source>
        <translation>回车保存修改 · Esc 取消。下面添加的是新问题；已登记的问题请在问题清单中修改。</translation>
    </message>
    <message>
        <source>Already recorded:</source>
        <translation>已登记的问题：</translation>
    </message>
    <message>
        <source>The visit date cannot be later than today</source>
        <translation>走访日期不能晚于今天</translation>
    </message>
    <message>
        <source>Choose at least one cadre who took part</source>
        <translation>请至少选择一名参加走访的干部</translation>
    </message>
    <message>
        <source>No single unit matches “{text}”: choose one from the list</source>
        <translation>没有唯一与“{text}”对应的单位，请从列表中选择</translation>
    </message>
    <message>
        <source>Too long: {n} characters, at most {limit}</source>
        <translation>内容过长：现有 {n} 字，最多 {limit} 字</translation>
    </message>
</context>
<context>
    <name>VisitLogWidget</name>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>{n} visits</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <source>About {n} visits</source>
        <translation>约 {n} 条</translation>
    </message>
    <message>
        <source>The visits could not be read: {error}</source>
        <translation>无法读取走访记录：{error}</translation>
    </message>
    <message>
        <source>Unsaved visit</source>
        <translation>走访未保存</translation>
    </message>
    <message>
        <source>The visit form has changes that are not saved. Save them now?</source>
        <translation>走访表单中有尚未保存的内容，现在保存吗？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃输入</translation>
    </message>
    <message>
        <source>Discard what was typed in the visit form?</source>
        <translation>放弃走访表单中已输入的内容吗？</translation>
    </message>
    <message>
        <source>Not saved: please correct what is marked in red.</source>
        <translation>未保存：请按红字提示修改。</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved visit {number}, {n} new problems</source>
        <translation>已保存走访 {number}，新增问题 {n} 个</translation>
    </message>
    <message>
        <source>Saved changes to visit {number}, {n} new problems</source>
        <translation>已保存对走访 {number} 的修改，新增问题 {n} 个</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this visit.</source>
        <translation>未保存：该走访已被他人修改。</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Reload the visit as it is stored now? Your changes in the form are then replaced. Choose No to keep them in the form.</source>
        <translation>是否重新加载该走访的当前内容？表单中您的修改将被替换。选“否”则保留表单中的内容。</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>This visit has been deleted meanwhile. What you typed stays in the form; press Esc to empty it.</source>
        <translation>该走访已被删除。您输入的内容仍保留在表单中，按 Esc 可清空。</translation>
    </message>
    <message>
        <source>Reloaded visit {number}.</source>
        <translation>已重新加载走访 {number}。</translation>
    </message>
    <message>
        <source>This visit has been deleted meanwhile.</source>
        <translation>该走访已被删除。</translation>
    </message>
    <message>
        <source>Editing visit {number}.</source>
        <translation>正在修改走访 {number}。</translation>
    </message>
    <message>
        <source>Copied {n} rows.</source>
        <translation>已复制 {n} 行。</translation>
    </message>
    <message>
        <source>Delete visits</source>
        <translation>删除走访</translation>
    </message>
    <message>
        <source>Delete {n} visits ({numbers})? The problems they found are deleted with them.</source>
        <translation>删除 {n} 条走访记录（{numbers}）吗？这些走访发现的问题将一并删除。</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>Deleted visit {numbers}.</source>
        <translation>已删除走访 {numbers}。</translation>
    </message>
</context>
<context>
    <name>VisitTable</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所属区域</translation>
    </message>
    <message>
        <source>Cadres</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Students/teachers/parents</source>
        <translation>学生/教师/家长</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容摘要</translation>
    </message>
</context>
<context>
    <name>VisitTableView</name>
    <message>
        <source>Copy (for Excel)</source>
        <translation>复制（可粘贴到 Excel）</translation>
    </message>
    <message>
        <source>Edit in the form</source>
        <translation>在表单中修改</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Visit log</source>
        <translation>走访日志</translation>
    </message>
</context>
</TS>
