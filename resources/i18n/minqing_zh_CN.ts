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
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>the database, the daily backups, the logs and the exchange keys are kept here</source>
        <translation>数据库、每日备份、日志和交换密钥都保存在这里</translation>
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
        <source>Main libraries:</source>
        <translation>主要程序库：</translation>
    </message>
    <message>
        <source>Python {version}</source>
        <translation>Python {version}</translation>
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
    <name>AboutDialog</name>
    <message>
        <source>About Minqing Ledger</source>
        <translation>关于民情台账</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;User management…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>管理员账号</translation>
    </message>
    <message>
        <source>The administrator changes settings and creates the clerks&apos; accounts. Write the password down and keep it safe: nobody can look it up later.</source>
        <translation>管理员负责修改设置、为录入员建立账号。请把密码记下并妥善保管：以后任何人都无法查到它。</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>At least 8 characters, not only digits, not the same as the username.</source>
        <translation>密码至少 8 个字符，不能全是数字，不能与用户名相同。</translation>
    </message>
    <message>
        <source>Enter a username, e.g. admin</source>
        <translation>请填写用户名，例如 admin</translation>
    </message>
    <message>
        <source>A username has at most 50 letters, digits or Chinese characters, no spaces</source>
        <translation>用户名最多 50 个字母、数字或汉字，不能有空格</translation>
    </message>
    <message>
        <source>“{name}” is reserved by the program; choose another username</source>
        <translation>“{name}”是系统保留的名字，请换一个用户名</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s full name</source>
        <translation>请填写管理员的姓名</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password again</source>
        <translation>两次输入的密码不一致，请再输入一遍相同的密码</translation>
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
    <name>AttachmentsPage</name>
    <message>
        <source>Largest file</source>
        <translation>单个文件上限</translation>
    </message>
    <message>
        <source>Evidence of an effect and the attachments of the five batches are copied into the data folder. A larger file is refused with a request to compress or split it. Photos from a phone are 3–8 MB; a scanned document as PDF is usually smaller.</source>
        <translation>效果的佐证材料和“五个一批”材料的附件会复制到数据文件夹中。超过上限的文件会被拒绝，并提示压缩或拆分后再上传。手机照片一般为 3–8 MB，扫描件另存为 PDF 通常更小。</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>AuditColumns</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
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
        <source>Party branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Branch pairing</source>
        <translation>支部结对</translation>
    </message>
    <message>
        <source>Pairing member</source>
        <translation>结对成员</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Contact point</source>
        <translation>联系点</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Task progress</source>
        <translation>任务进展</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>群众评价</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Study session</source>
        <translation>学习研讨</translation>
    </message>
    <message>
        <source>Care record</source>
        <translation>关爱对象</translation>
    </message>
    <message>
        <source>Care entry</source>
        <translation>帮扶记录</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>care register granted</source>
        <translation>关爱台账权限</translation>
    </message>
    <message>
        <source>wrong passwords in a row</source>
        <translation>连续输错密码次数</translation>
    </message>
    <message>
        <source>locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>opened on</source>
        <translation>立项日期</translation>
    </message>
    <message>
        <source>visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>了解情况</translation>
    </message>
    <message>
        <source>reported on</source>
        <translation>反映日期</translation>
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
        <source>respondent</source>
        <translation>评价人</translation>
    </message>
    <message>
        <source>area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>result</source>
        <translation>成效</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>this site</source>
        <translation>本站点</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>party branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>parent unit</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>talked with</source>
        <translation>交谈对象</translation>
    </message>
    <message>
        <source>person&apos;s name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>situation</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>resolution mode</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>strongly reported</source>
        <translation>反映强烈</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>(care record: values shown only to users granted the care register)</source>
        <translation>（关爱帮扶记录：内容仅对有关爱台账权限的用户显示）</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>record number, or id (or its beginning)</source>
        <translation>记录编号或 ID（ID 可只填开头）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Kind of change</source>
        <translation>操作类型</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Select an entry to see what it changed.</source>
        <translation>选中一条记录，查看它修改了什么。</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>Checks that no entry was removed or altered since it was written</source>
        <translation>检查审计日志写入后是否有记录被删除或篡改</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>(everyone)</source>
        <translation>（全部用户）</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <source>No. {seq} · {when} · {user} · {action} · {kind} {record}</source>
        <translation>第 {seq} 条 · {when} · {user} · {action} · {kind} {record}</translation>
    </message>
    <message>
        <source>(no field values recorded)</source>
        <translation>（没有记录字段内容）</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>The audit log is intact: no entry was removed or altered.</source>
        <translation>审计日志完整：没有记录被删除或篡改。</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有 {n} 处</translation>
    </message>
    <message>
        <source>The audit log has been tampered with: {n} problems found.</source>
        <translation>审计日志已被篡改：发现 {n} 处问题。</translation>
    </message>
    <message>
        <source>Audit log tampered with</source>
        <translation>审计日志被篡改</translation>
    </message>
    <message>
        <source>Entries of the audit log were removed or altered after they were written:

{problems}

Keep this database as it is and tell the administrator; restoring an earlier backup shows what the entries were.</source>
        <translation>审计日志中有记录在写入后被删除或篡改：

{problems}

请保持数据库原样并告知管理员；从较早的备份恢复可以查看这些记录原来的内容。</translation>
    </message>
    <message>
        <source>Cannot verify</source>
        <translation>无法校验</translation>
    </message>
    <message>
        <source>Not permitted</source>
        <translation>无权操作</translation>
    </message>
</context>
<context>
    <name>BackupMenu</name>
    <message>
        <source>Not permitted</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <source>Server database</source>
        <translation>服务器数据库</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server. It is backed up on the server by its administrator (pg_dump, see docs/server.md), not from this PC.</source>
        <translation>当前数据库在 PostgreSQL 服务器上，由服务器管理员在服务器上备份（pg_dump，见 docs/server.md），不能从本机备份。</translation>
    </message>
    <message>
        <source>Back up to which folder?</source>
        <translation>备份到哪个文件夹？</translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>The database was backed up to
{path}

The newest {keep} backups in that folder are kept.</source>
        <translation>数据库已备份到
{path}

该文件夹中保留最新的 {keep} 份备份。</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {error}
The database itself is unchanged. Check that the folder exists, is writable and has free space, then try again.</source>
        <translation>无法把备份写入 {folder}：{error}
数据库本身没有变化。请检查该文件夹是否存在、可写、有足够空间，然后重试。</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>{name} (made {when})</source>
        <translation>{name}（备份于 {when}）</translation>
    </message>
    <message>
        <source>Restore from which backup?</source>
        <translation>从哪个备份恢复？</translation>
    </message>
    <message>
        <source>Database backups (*.db)</source>
        <translation>数据库备份 (*.db)</translation>
    </message>
    <message>
        <source>“{path}” is not a backup of a Minqing Ledger database. Nothing was restored.</source>
        <translation>“{path}”不是民情台账数据库的备份，未做任何恢复。</translation>
    </message>
    <message>
        <source>Cannot restore this file</source>
        <translation>不能从该文件恢复</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace the current data with the backup {backup}?

Everything entered after that backup was made is replaced. A copy of the current database is kept in {folder} first, so this can be undone. The program restarts afterwards.</source>
        <translation>用备份 {backup} 替换当前数据？

该备份之后录入的内容都将被替换。恢复前会先把当前数据库复制一份保存到 {folder}，可以撤销。恢复后程序将重新启动。</translation>
    </message>
    <message>
        <source>Checking the backup and restoring…</source>
        <translation>正在检查备份并恢复…</translation>
    </message>
    <message>
        <source>The previous database was kept as {path}.</source>
        <translation>原数据库已保存为 {path}。</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复完成</translation>
    </message>
    <message>
        <source>The database was restored from {backup}. {kept}

The program now restarts to open the restored data.</source>
        <translation>数据库已从 {backup} 恢复。{kept}

程序将重新启动以打开恢复后的数据。</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>Nothing was restored: {error}
The current database is unchanged.</source>
        <translation>未做任何恢复：{error}
当前数据库没有变化。</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>正在恢复</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>{problem}

No intact backup of it was found in {folder}. Do not delete the file; ask the administrator or support for help.</source>
        <translation>{problem}

在 {folder} 中没有找到它的完好备份。请不要删除该文件，并联系管理员或技术支持。</translation>
    </message>
    <message>
        <source>{problem}

The newest intact backup is {backup}. Restore it now? Whatever was entered after it was made is lost; the damaged file is kept in {folder} for support.</source>
        <translation>{problem}

最新的完好备份是 {backup}。现在恢复吗？该备份之后录入的内容将丢失；损坏的文件会保留在 {folder} 中供技术支持检查。</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>恢复此备份</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The database was restored from the backup. The program now restarts to open it.</source>
        <translation>数据库已从备份恢复，程序将重新启动以打开它。</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Every day, when the program starts, it copies the database to this folder. A folder on another disk or a USB stick protects against a broken hard disk.</source>
        <translation>程序每天启动时把数据库复制到这个文件夹。选择另一块硬盘或U盘上的文件夹，可以防止硬盘损坏造成数据丢失。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>保留份数</translation>
    </message>
    <message>
        <source>Once a day, when the program starts, the database is copied to this folder and the oldest copies beyond this number are deleted. Empty: the data folder&apos;s own backups folder. A folder on another disk protects against a broken hard disk.</source>
        <translation>程序每天启动时把数据库复制到这个文件夹，超出保留份数的最旧备份会被删除。留空则使用数据文件夹中的 backups 文件夹。选择另一块硬盘上的文件夹，可以防止硬盘损坏造成数据丢失。</translation>
    </message>
    <message>
        <source>Choose a folder for the backups</source>
        <translation>请选择存放备份的文件夹</translation>
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
    <name>CampaignPage</name>
    <message>
        <source>The campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>The four phases of the plan, with its dates moved to the year you choose. Change them if your bureau&apos;s plan differs.</source>
        <translation>方案规定的四个阶段，日期已换算到所选年度。如本单位方案不同，请修改。</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>The organisation&apos;s name heads every report and the window title. The phases decide which phase a visit counts in.</source>
        <translation>单位名称显示在每份报表的抬头和窗口标题中。活动阶段决定每次走访计入哪个阶段。</translation>
    </message>
    <message>
        <source>Campaign and phases</source>
        <translation>活动与阶段</translation>
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
    <name>DatabasePage</name>
    <message>
        <source>A database file on this PC</source>
        <translation>本机的数据库文件</translation>
    </message>
    <message>
        <source>A database server (PostgreSQL) shared by several PCs</source>
        <translation>多台电脑共用的数据库服务器（PostgreSQL）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Copy this PC&apos;s data to the server…</source>
        <translation>把本机数据复制到服务器…</translation>
    </message>
    <message>
        <source>Copies every record of the database file in use now onto the server, whose database must be empty; the file stays as it is</source>
        <translation>把正在使用的数据库文件中的全部记录复制到服务器（服务器上的数据库必须是空的）；本机文件保持不变</translation>
    </message>
    <message>
        <source>Where this PC keeps the ledger. The change is used at the next start; saving copies or moves nothing (“Copy this PC&apos;s data to the server…” does, once). Empty file name: the data folder&apos;s own database.</source>
        <translation>本机台账数据存放的位置。修改在下次启动时生效；保存本身不复制或移动任何数据（要把本机数据带到服务器，请用“把本机数据复制到服务器…”）。文件名留空则使用数据文件夹中的数据库。</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Ledger databases (*.db)</source>
        <translation>台账数据库 (*.db)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>✓ Connected. The server can be used.</source>
        <translation>✓ 连接成功，可以使用该服务器。</translation>
    </message>
    <message>
        <source>Copy to the server</source>
        <translation>复制到服务器</translation>
    </message>
    <message>
        <source>Copy every record of
{file}
onto the server
{server}?

The server&apos;s database must be empty. This PC&apos;s file stays as it is.</source>
        <translation>把
{file}
中的全部记录复制到服务器
{server}？

服务器上的数据库必须是空的。本机文件保持不变。</translation>
    </message>
    <message>
        <source>✓ {rows} rows copied to the server. Save, and this PC uses the server from the next start.</source>
        <translation>✓ 已把 {rows} 行数据复制到服务器。点“保存”后，本机下次启动时即连接服务器。</translation>
    </message>
    <message>
        <source>Copying to the server</source>
        <translation>正在复制到服务器</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, or choose a file</source>
        <translation>请填写服务器地址，或改为选择数据库文件</translation>
    </message>
    <message>
        <source>Press “Test the connection” first: the address is saved only when the server answers</source>
        <translation>请先点“测试连接”：只有服务器能连接上时才保存该地址</translation>
    </message>
    <message>
        <source>database (used at the next start)</source>
        <translation>数据库（下次启动时生效）</translation>
    </message>
</context>
<context>
    <name>DateList</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>“Due soon” within</source>
        <translation>“即将到期”提醒</translation>
    </message>
    <message>
        <source>Supervision after a chase notice</source>
        <translation>催办后转为督办</translation>
    </message>
    <message>
        <source>Public criticism after supervision</source>
        <translation>督办后列入通报</translation>
    </message>
    <message>
        <source>Response rate: a task within</source>
        <translation>响应率：立项时限</translation>
    </message>
    <message>
        <source>Extra holidays</source>
        <translation>补充节假日</translation>
    </message>
    <message>
        <source>Extra working days</source>
        <translation>补充调休上班日</translation>
    </message>
    <message>
        <source>A new task&apos;s deadline is this many working days after it is opened, by how the problem is to be solved. A late task may be put under supervision only when a chase notice has gone unanswered this many working days, and listed for public criticism only after as long again under supervision. A problem counts as answered in the response rate when a task is opened for it within the set working days of its report.</source>
        <translation>新任务的办结时限按问题的解决方式，从立项之日起算相应的工作日。逾期任务发出催办通知后，满规定的工作日仍未办结才能转为督办；督办满规定的工作日仍未办结才能列入通报。问题登记后在规定的工作日内立项，计为及时响应（响应率）。</translation>
    </message>
    <message>
        <source>The official holidays and swapped working days are built in for {first}–{last}. For later years, enter that year&apos;s holidays (and the weekend days that are working days) here when the State Council publishes them. Dates entered here apply in every year.</source>
        <translation>程序已内置 {first}—{last} 年的法定节假日和调休安排。以后的年份，请在国务院公布放假安排后，在这里填写当年的节假日（以及调休上班的周末）。这里填写的日期在任何年份都优先适用。</translation>
    </message>
    <message>
        <source>Deadlines and holidays</source>
        <translation>办理时限与节假日</translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>A complete, invented city for looking around.</source>
        <translation>一个完整的虚构城市，供熟悉程序使用。</translation>
    </message>
    <message>
        <source>The demo database is made in a folder of its own the first time (a few seconds) and never mixes with real data. Anything may be tried in it.

When you are ready to start for real, close the program and start it again: this wizard appears again.</source>
        <translation>演示数据库第一次使用时在单独的文件夹中生成（需要几秒钟），绝不会与正式数据混在一起，可以在其中随意尝试。

准备正式使用时，关闭程序后重新启动，本向导会再次出现。</translation>
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
        <source>Escalation</source>
        <translation>督办等级</translation>
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
        <source>Deadline and escalation</source>
        <translation>延期与督办</translation>
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
        <source>{n} evidence files</source>
        <translation>佐证材料 {n} 个</translation>
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
    <message>
        <source>{day} deadline extended {old} → {new}, approved by {who}</source>
        <translation>{day} 办结时限 {old} → {new}，审批人 {who}</translation>
    </message>
    <message>
        <source>{day} ✉ chase notice issued by {who}</source>
        <translation>{day} ✉ {who} 发出催办通知</translation>
    </message>
    <message>
        <source>{day} ⚑ under supervision of {supervisor} (decided by {who})</source>
        <translation>{day} ⚑ 由 {supervisor} 督办（{who} 决定）</translation>
    </message>
    <message>
        <source>{day} ✖ listed for public criticism by {who}</source>
        <translation>{day} ✖ {who} 列入通报</translation>
    </message>
    <message>
        <source>{step}: {reason}</source>
        <translation>{step}：{reason}</translation>
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
    <message>
        <source>Evidence files</source>
        <translation>佐证材料文件</translation>
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
    <name>EscalationDialog</name>
    <message>
        <source>Chase notice for task {number}</source>
        <translation>任务 {number} 催办</translation>
    </message>
    <message>
        <source>Put task {number} under supervision</source>
        <translation>任务 {number} 督办</translation>
    </message>
    <message>
        <source>List task {number} for public criticism</source>
        <translation>任务 {number} 列入通报</translation>
    </message>
    <message>
        <source>Records that a chase notice (催办) was issued, by you, on the date below. The notice itself is printed from the reports.</source>
        <translation>登记由您在下列日期发出催办通知。催办通知书从“报表”中打印。</translation>
    </message>
    <message>
        <source>Names the leader who supervises the task (督办) from now on. Only after a chase notice went unanswered.</source>
        <translation>指定从现在起负责督办该任务的领导。须在催办后仍未办结时才能督办。</translation>
    </message>
    <message>
        <source>Lists the task for public criticism (通报) in the next monthly study. Only after supervision went unanswered.</source>
        <translation>在下一次局党组专题研究中通报该任务。须在督办后仍未办结时才能通报。</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>未逾期</translation>
    </message>
    <message>
        <source>Deadline {deadline}; now: {stage}.</source>
        <translation>办结时限 {deadline}；当前：{stage}。</translation>
    </message>
    <message>
        <source>Possible from {day} (working days).</source>
        <translation>最早可于 {day} 办理（按工作日计算）。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>(choose the supervisor)</source>
        <translation>（请选择督办人）</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>督办人</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>说明（可不填）</translation>
    </message>
    <message>
        <source>Why supervised</source>
        <translation>督办事由</translation>
    </message>
    <message>
        <source>Why criticised</source>
        <translation>通报事由</translation>
    </message>
    <message>
        <source>Record chase notice</source>
        <translation>登记催办</translation>
    </message>
    <message>
        <source>Start supervision</source>
        <translation>开始督办</translation>
    </message>
    <message>
        <source>List for criticism</source>
        <translation>列入通报</translation>
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
    <name>EvidenceBox</name>
    <message>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Save the effect first; then add its evidence files.</source>
        <translation>请先保存效果，再添加佐证材料。</translation>
    </message>
    <message>
        <source>Closed out: the evidence can be opened, not changed.</source>
        <translation>已销号：佐证材料只能打开，不能修改。</translation>
    </message>
    <message>
        <source>Files are copied into the data folder at once (up to {size} each); the originals may be moved or deleted afterwards.</source>
        <translation>文件会立即复制到数据文件夹（每个不超过 {size}），原文件之后可以移动或删除。</translation>
    </message>
    <message>
        <source>Choose an evidence file</source>
        <translation>选择佐证材料</translation>
    </message>
    <message>
        <source>Photos, documents and scans (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.xls *.xlsx *.ofd *.txt);;All files (*)</source>
        <translation>照片、文档和扫描件 (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.xls *.xlsx *.ofd *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>File not added</source>
        <translation>文件未添加</translation>
    </message>
    <message>
        <source>Remove evidence</source>
        <translation>移除佐证材料</translation>
    </message>
    <message>
        <source>Take “{name}” off this effect&apos;s evidence? The record of it stays in the history.</source>
        <translation>从该效果的佐证材料中移除“{name}”？移除记录会保留在历史记录中。</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence files of {what}</source>
        <translation>{what} 的佐证材料</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ExcelFeature</name>
    <message>
        <source>Save an import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Which records will the template be filled with?</source>
        <translation>模板用来填写哪一种数据？</translation>
    </message>
    <message>
        <source>{kind} import template.xlsx</source>
        <translation>{kind}导入模板.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved</source>
        <translation>模板已保存</translation>
    </message>
    <message>
        <source>The template was saved as {path}. Fill in one record per row below the header; the sheet 说明 explains each column.</source>
        <translation>模板已保存为 {path}。请在表头下方每行填写一条记录；“说明”工作表解释了每一列的填法。</translation>
    </message>
    <message>
        <source>Saving the template</source>
        <translation>正在保存模板</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <source>This tab shows no table to export. Open the visit log, the three lists or the personnel tab and choose the table first.</source>
        <translation>当前页面没有可导出的表格。请先打开走访台账、三张清单或人员页面，选中要导出的表格。</translation>
    </message>
    <message>
        <source>Writing {title}…</source>
        <translation>正在写入{title}……</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>{count} rows of “{title}” were written to {path}, with the table&apos;s filters and column order.</source>
        <translation>已把 {count} 行“{title}”导出到 {path}，筛选条件和列顺序与表格中一致。</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}. Choose another folder or close the file in Excel and try again.</source>
        <translation>无法写入文件：{reason}。请换一个文件夹，或在 Excel 中关闭该文件后重试。</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>ExcelImport</name>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>What does the file hold? The kind can usually be recognised from the header row.</source>
        <translation>文件中是哪一种数据？通常可以根据表头自动识别。</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.xlsm *.xlsb)</source>
        <translation>表格文件 (*.xlsx *.xls *.ods *.xlsm *.xlsb)</translation>
    </message>
    <message>
        <source>“{name}” is not a spreadsheet. Save it in Excel or WPS as an Excel workbook (.xlsx) and import that.</source>
        <translation>“{name}”不是表格文件，未导入任何数据。请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）后再导入。</translation>
    </message>
    <message>
        <source>Recognising the kind of records…</source>
        <translation>正在识别数据种类……</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>正在检查文件</translation>
    </message>
    <message>
        <source>The kind of records in “{name}” could not be recognised from its header row. What does it hold?</source>
        <translation>无法根据表头识别“{name}”中的数据种类。文件中是哪一种数据？</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
</context>
<context>
    <name>ExcelKinds</name>
    <message>
        <source>Units</source>
        <translation>单位名单</translation>
    </message>
    <message>
        <source>Cadres</source>
        <translation>干部名单</translation>
    </message>
    <message>
        <source>Contact points of cadres</source>
        <translation>干部联系点</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访登记</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题清单</translation>
    </message>
</context>
<context>
    <name>ExcelMenu</name>
    <message>
        <source>Save an Excel &amp;template…</source>
        <translation>保存 Excel 导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Import from E&amp;xcel…</source>
        <translation>从 Excel 导入(&amp;X)…</translation>
    </message>
    <message>
        <source>Export this table to Exce&amp;l…</source>
        <translation>把当前表格导出为 Excel(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>ExchangeFeature</name>
    <message>
        <source>Paired</source>
        <translation>配对成功</translation>
    </message>
    <message>
        <source>This site now accepts data packages from {code} {name}.</source>
        <translation>本站现在接受来自 {code} {name} 的交换包。</translation>
    </message>
    <message>
        <source>This site is not paired with any other site yet, so there is nobody to send a package to. Pair first (Data exchange → Pair with a site…) with the identity file of the receiving office.</source>
        <translation>本站尚未与任何站点配对，无法导出交换包。请先用接收单位的身份文件配对（数据交换 → 与站点配对…）。</translation>
    </message>
    <message>
        <source>Package exported</source>
        <translation>交换包已导出</translation>
    </message>
    <message>
        <source>The package for {code} was saved as {path} ({count} records). Carry it to the receiver on a USB stick or send it by e-mail.</source>
        <translation>发给 {code} 的交换包已保存为 {path}（共 {count} 条记录）。请用 U 盘或电子邮件交给接收单位。</translation>
    </message>
    <message>
        <source>Exporting a data package</source>
        <translation>正在导出交换包</translation>
    </message>
    <message>
        <source>Import a data package</source>
        <translation>导入交换包</translation>
    </message>
    <message>
        <source>Data packages (*.mqpkg);;All files (*)</source>
        <translation>交换包 (*.mqpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the data package</source>
        <translation>正在校验交换包</translation>
    </message>
    <message>
        <source>Importing the data package</source>
        <translation>正在导入交换包</translation>
    </message>
    <message>
        <source>The file could not be read or written: {reason}. Nothing was changed. Check the folder and try again.</source>
        <translation>无法读写文件：{reason}。数据库没有任何改动。请检查文件夹后重试。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>已取消，数据库没有任何改动。</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>数据交换</translation>
    </message>
</context>
<context>
    <name>ExchangeMenu</name>
    <message>
        <source>This site&apos;s i&amp;dentity…</source>
        <translation>本站身份(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Pair with a site…</source>
        <translation>与站点配对(&amp;P)…</translation>
    </message>
    <message>
        <source>Paired &amp;sites…</source>
        <translation>已配对站点(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ExportPackageDialog</name>
    <message>
        <source>Export a data package</source>
        <translation>导出交换包</translation>
    </message>
    <message>
        <source>Only what changed since the last package to it</source>
        <translation>只导出上次发送以来的变化</translation>
    </message>
    <message>
        <source>Everything (a full package)</source>
        <translation>全部导出（完整交换包）</translation>
    </message>
    <message>
        <source>Include the care records (sensitive personal data; only if the receiver needs them)</source>
        <translation>包含关爱帮扶记录（敏感个人信息，仅在对方需要时勾选）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Receiver:</source>
        <translation>接收站点：</translation>
    </message>
    <message>
        <source>What to send:</source>
        <translation>导出内容：</translation>
    </message>
    <message>
        <source>Save in folder:</source>
        <translation>保存到文件夹：</translation>
    </message>
    <message>
        <source>The package is one signed file (.mqpkg). Carry it to the receiver on a USB stick or send it by e-mail; it imports it with “Import a data package…”.</source>
        <translation>交换包是一个带签名的文件（.mqpkg）。请用 U 盘或电子邮件交给接收单位，由对方在“导入交换包…”中导入。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Last package to it: {when}</source>
        <translation>上次发送：{when}</translation>
    </message>
    <message>
        <source>Nothing was sent to it yet: the first package holds everything.</source>
        <translation>尚未向该站点发送过交换包，第一个交换包将包含全部数据。</translation>
    </message>
    <message>
        <source>Save in folder</source>
        <translation>保存到文件夹</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <source>Extend the deadline of task {number}</source>
        <translation>任务 {number} 延期</translation>
    </message>
    <message>
        <source>The current deadline is {deadline}. An extension needs a reason and the approval of a leader or an administrator; the old and new deadlines, the reason and the approver are kept in the task&apos;s history.</source>
        <translation>现在的办结时限是 {deadline}。延期须写明原因，并经领导或管理员审批；原时限、新时限、原因和审批人都记入任务的历史记录。</translation>
    </message>
    <message>
        <source>{name} (me, {role})</source>
        <translation>{name}（本人，{role}）</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>延期后的办结时限</translation>
    </message>
    <message>
        <source>Reason for the extension</source>
        <translation>延期原因</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>审批日期</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>{n} working days later than now</source>
        <translation>比现在的时限晚 {n} 个工作日</translation>
    </message>
    <message>
        <source>Not later than the current deadline</source>
        <translation>不晚于现在的办结时限</translation>
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
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overdue (all)</source>
        <translation>已逾期（全部）</translation>
    </message>
    <message>
        <source>Chase notice issued</source>
        <translation>已催办</translation>
    </message>
    <message>
        <source>Under supervision</source>
        <translation>督办中</translation>
    </message>
    <message>
        <source>Listed for public criticism</source>
        <translation>通报批评</translation>
    </message>
    <message>
        <source>Chased, supervised or criticised</source>
        <translation>已催办、督办或通报</translation>
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
    <name>FinishPage</name>
    <message>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <source>Check the summary, then press Finish to create the database.</source>
        <translation>请核对以下内容，然后点“完成”建立数据库。</translation>
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
    <name>FirstRunWizard</name>
    <message>
        <source>民情台账 — first start</source>
        <translation>民情台账 — 首次使用</translation>
    </message>
    <message>
        <source>Organisation: {name}</source>
        <translation>单位：{name}</translation>
    </message>
    <message>
        <source>This site: {code} {name} ({level})</source>
        <translation>本站点：{code} {name}（{level}）</translation>
    </message>
    <message>
        <source>Parent site: {code}</source>
        <translation>上级站点：{code}</translation>
    </message>
    <message>
        <source>Campaign: {year} {name}</source>
        <translation>活动：{year} 年 {name}</translation>
    </message>
    <message>
        <source>Setup file: {path}</source>
        <translation>设置文件：{path}</translation>
    </message>
    <message>
        <source>This site: {code} {name} ({level}), under {sender}</source>
        <translation>本站点：{code} {name}（{level}），上级为 {sender}</translation>
    </message>
    <message>
        <source>Administrator: {username} ({name})</source>
        <translation>管理员：{username}（{name}）</translation>
    </message>
    <message>
        <source>Backups: {folder}, the newest {keep} kept</source>
        <translation>备份：{folder}，保留最新的 {keep} 份</translation>
    </message>
    <message>
        <source>Database file: {path}</source>
        <translation>数据库文件：{path}</translation>
    </message>
    <message>
        <source>Creating the database</source>
        <translation>正在建立数据库</translation>
    </message>
    <message>
        <source>The database was not created and nothing was saved: {message} Go back, correct it and press Finish again.</source>
        <translation>数据库没有建立，也没有保存任何内容：{message} 请返回上一步改正后，再点“完成”。</translation>
    </message>
    <message>
        <source>Cancelled: no database was created. Press Finish to try again.</source>
        <translation>已取消，没有建立数据库。可以点“完成”重试。</translation>
    </message>
</context>
<context>
    <name>FontsPage</name>
    <message>
        <source>The fonts that come with the program (the same on every PC)</source>
        <translation>使用程序自带的字体（每台电脑效果相同）</translation>
    </message>
    <message>
        <source>Windows&apos; own 宋体, 仿宋, 黑体 and 楷体</source>
        <translation>使用 Windows 系统的宋体、仿宋、黑体和楷体</translation>
    </message>
    <message>
        <source>{font} ({file}): {state}</source>
        <translation>{font}（{file}）：{state}</translation>
    </message>
    <message>
        <source>found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <source>not on this PC</source>
        <translation>本机没有</translation>
    </message>
    <message>
        <source>The fonts of printed reports (PDF). Official documents use 仿宋 for the body, 黑体 and 楷体 for headings. A font missing on this PC is replaced by the bundled one. The change applies to reports made after the next start.</source>
        <translation>打印报表（PDF）使用的字体。公文正文用仿宋，标题用黑体和楷体。本机缺少的字体会用程序自带的字体代替。修改在下次启动后生成的报表中生效。</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>report fonts</source>
        <translation>报表字体</translation>
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
    <name>HelpWindow</name>
    <message>
        <source>Minqing Ledger — User manual</source>
        <translation>民情台账 — 操作手册</translation>
    </message>
    <message>
        <source>Find in this chapter (Enter: next)</source>
        <translation>在本章中查找（回车：下一处）</translation>
    </message>
    <message>
        <source>&amp;Print the manual…</source>
        <translation>打印手册(&amp;P)…</translation>
    </message>
    <message>
        <source>The whole manual in the formal report layout, with a preview before printing</source>
        <translation>按公文格式生成整本手册，预览后打印</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Not in this chapter</source>
        <translation>本章中没有找到</translation>
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
    <message>
        <source>escalation</source>
        <translation>督办等级</translation>
    </message>
    <message>
        <source>escalated on</source>
        <translation>督办日期</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>This site&apos;s identity</source>
        <translation>本站身份</translation>
    </message>
    <message>
        <source>Site code:</source>
        <translation>站点代码：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>Reports to:</source>
        <translation>上级站点：</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <source>Save the identity file and give it to the other office (USB stick or e-mail). When they pair, read this fingerprint to them over the phone: it must be the same as the one their computer shows.</source>
        <translation>请保存身份文件并交给对方单位（U 盘或电子邮件）。对方配对时，请在电话中把这个指纹念给对方核对：必须与对方电脑上显示的完全一致。</translation>
    </message>
    <message>
        <source>&amp;Save the identity file…</source>
        <translation>保存身份文件(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the identity file</source>
        <translation>保存身份文件</translation>
    </message>
    <message>
        <source>Site identity files (*.mqid)</source>
        <translation>站点身份文件 (*.mqid)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The identity file could not be saved: {reason}. Choose another folder and try again.</source>
        <translation>无法保存身份文件：{reason}。请换一个文件夹后重试。</translation>
    </message>
    <message>
        <source>Identity file saved</source>
        <translation>身份文件已保存</translation>
    </message>
    <message>
        <source>Saved as {path}. Give this file to the other office.</source>
        <translation>已保存为 {path}。请把该文件交给对方单位。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Will update “{name}”</source>
        <translation>将更新“{name}”</translation>
    </message>
    <message>
        <source>Import preview: {kind}</source>
        <translation>导入预览：{kind}</translation>
    </message>
    <message>
        <source>File: {name} — {rows} rows read</source>
        <translation>文件：{name}——共读取 {rows} 行</translation>
    </message>
    <message>
        <source>To add:</source>
        <translation>将新增：</translation>
    </message>
    <message>
        <source>To change:</source>
        <translation>将更新：</translation>
    </message>
    <message>
        <source>Already stored or repeated (skipped):</source>
        <translation>已存在或重复（跳过）：</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>Nothing has been written. Correct the rows listed below in the file (sheet, row and column as Excel shows them), save it and import it again.</source>
        <translation>未写入任何数据。请按下表在文件中改正这些行（工作表、行号和列名与 Excel 中显示的一致），保存后重新导入。</translation>
    </message>
    <message>
        <source>Everything in this file is already stored: there is nothing to import.</source>
        <translation>文件中的数据都已存在，没有需要导入的内容。</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Click Import to write these records, all at once.</source>
        <translation>尚未写入任何数据。点击“导入”将一次性写入以上记录。</translation>
    </message>
    <message>
        <source>Check before importing: the sheet has a number column (“{header}”), so it seems to be an export of the ledger. A table exported from a tab is not in the import format, and importing it would store these {count} records a second time. Import it only if the records are really new here.</source>
        <translation>导入前请核对：表格中有编号列（“{header}”），看来是从本程序导出的。从页面导出的表格不是导入格式，导入会把这 {count} 条记录再存一遍。只有确实是本站没有的新记录时才导入。</translation>
    </message>
    <message>
        <source>Copy the error list (for Excel)</source>
        <translation>复制错误清单（可粘贴到 Excel）</translation>
    </message>
    <message>
        <source>Copy the list (for Excel)</source>
        <translation>复制清单（可粘贴到 Excel）</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>IssueModel</name>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>问题及改正方法</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>填写的内容</translation>
    </message>
</context>
<context>
    <name>KindDialog</name>
    <message>
        <source>Recognise it from the header row</source>
        <translation>根据表头自动识别</translation>
    </message>
    <message>
        <source>Kind of records:</source>
        <translation>数据种类：</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Used from now on and at every start on this PC. Reports and the stored data stay in Chinese.</source>
        <translation>立即生效，本机以后每次启动都使用该语言。报表和保存的数据仍为中文。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
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
        <source>Due soon → overdue → chase notice → supervision → public criticism</source>
        <translation>即将到期 → 已逾期 → 催办 → 督办 → 通报</translation>
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
        <source>Escalation</source>
        <translation>督办等级</translation>
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
    <name>ListsMessages</name>
    <message>
        <source>Not permitted</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <source>Ask a colleague whose role allows this, or the administrator.</source>
        <translation>请由有相应权限的同事或管理员办理。</translation>
    </message>
    <message>
        <source>Saved by someone else first</source>
        <translation>已被他人先行保存</translation>
    </message>
    <message>
        <source>Press F5 to reload the list, then make the change again.</source>
        <translation>请按 F5 刷新列表，然后重新修改。</translation>
    </message>
    <message>
        <source>Record not found</source>
        <translation>找不到该记录</translation>
    </message>
    <message>
        <source>Press F5 to reload the list.</source>
        <translation>请按 F5 刷新列表。</translation>
    </message>
    <message>
        <source>Not allowed by the campaign rules</source>
        <translation>不符合活动规定</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
</context>
<context>
    <name>ListsTab</name>
    <message>
        <source>The three lists</source>
        <translation>三个清单</translation>
    </message>
    <message>
        <source>Monthly study</source>
        <translation>局党组专题研究</translation>
    </message>
    <message>
        <source>Five batches</source>
        <translation>五个一批</translation>
    </message>
    <message>
        <source>Publish the lists…</source>
        <translation>公示三个清单…</translation>
    </message>
    <message>
        <source>The three lists for the portal, personal data masked (web page, Excel, PDF)</source>
        <translation>生成门户网站公示用的三个清单，个人信息已遮挡（网页、Excel、PDF）</translation>
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
        <source>escalated {n}</source>
        <translation>催办督办 {n}</translation>
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
    <name>NewStudyDialog</name>
    <message>
        <source>Record a monthly study</source>
        <translation>登记局党组专题研究</translation>
    </message>
    <message>
        <source>The three lists are frozen as they stand on the day of the study. The stored copy never changes afterwards, whatever is edited later.</source>
        <translation>三个清单将按研究当日的状态冻结保存。保存的副本此后不会改变，无论之后如何修改清单。</translation>
    </message>
    <message>
        <source>Day of the study</source>
        <translation>研究日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Opinion of the party group</source>
        <translation>研究意见</translation>
    </message>
    <message>
        <source>Freezing the three lists as of {day}…</source>
        <translation>正在冻结 {day} 的三个清单…</translation>
    </message>
    <message>
        <source>Recording the study</source>
        <translation>正在登记专题研究</translation>
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
    <name>OutcomeColumns</name>
    <message>
        <source>Task</source>
        <translation>任务编号</translation>
    </message>
    <message>
        <source>Practical project</source>
        <translation>民生实事项目</translation>
    </message>
    <message>
        <source>Lead leader</source>
        <translation>领办领导</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>立项日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题编号</translation>
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
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Written on</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>撰稿人</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Edit a write-up</source>
        <translation>修改材料</translation>
    </message>
    <message>
        <source>New write-up</source>
        <translation>新建材料</translation>
    </message>
    <message>
        <source>Attached files are copied into the data folder: the originals may be moved or deleted afterwards.</source>
        <translation>附件会复制到数据文件夹中保存，原文件之后可以移动或删除。</translation>
    </message>
    <message>
        <source>(no particular unit)</source>
        <translation>（不限单位）</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Written on</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>撰稿人</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>选择附件</translation>
    </message>
</context>
<context>
    <name>OutcomesWidget</name>
    <message>
        <source>Practical projects and solved problems are counted from the lists (closed out); experiences, mechanisms and stories are write-ups entered here, ready for the compendium.</source>
        <translation>民生实事和矛盾问题取自三个清单（已销号）；实践经验、制度机制和暖心故事在此录入材料，供汇编成册。</translation>
    </message>
    <message>
        <source>Print the compendium…</source>
        <translation>打印成果汇编…</translation>
    </message>
    <message>
        <source>The five batches compendium is not available in this version.</source>
        <translation>此版本暂不提供“五个一批”成果汇编。</translation>
    </message>
    <message>
        <source>Your role may not enter write-ups: a clerk, a leader or the administrator does.</source>
        <translation>您的角色不能录入材料，请由录入员、局领导或管理员办理。</translation>
    </message>
    <message>
        <source>New write-up (Ctrl+N)</source>
        <translation>新建材料 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Attachments (double-click to open):</source>
        <translation>附件（双击打开）：</translation>
    </message>
    <message>
        <source>Delete the write-up</source>
        <translation>删除材料</translation>
    </message>
    <message>
        <source>Delete “{title}”? It stays on record in the history.</source>
        <translation>删除“{title}”？删除记录会保留在历史中。</translation>
    </message>
</context>
<context>
    <name>PackageReportDialog</name>
    <message>
        <source>Data package imported</source>
        <translation>交换包已导入</translation>
    </message>
    <message>
        <source>Data package: preview</source>
        <translation>交换包预览</translation>
    </message>
    <message>
        <source>From {name} ({code}), made {when}; file {file}</source>
        <translation>来自 {name}（{code}），生成于 {when}；文件 {file}</translation>
    </message>
    <message>
        <source>the incoming one</source>
        <translation>对方的版本</translation>
    </message>
    <message>
        <source>ours</source>
        <translation>本站的版本</translation>
    </message>
    <message>
        <source>Conflicts — changed here and there since the last exchange. The version changed last was kept; the other one is in the audit log. Please check these records:</source>
        <translation>冲突——自上次交换以来双方都修改过的记录。已保留最后修改的版本，另一版本完整记录在审计日志中。请核对以下记录：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>本站已有</translation>
    </message>
    <message>
        <source>Conflicting</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>未采用</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Changed there</source>
        <translation>对方修改时间</translation>
    </message>
    <message>
        <source>Changed here</source>
        <translation>本站修改时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>Everything in the package was already here: nothing changed.</source>
        <translation>交换包中的内容本站都已有，没有任何改动。</translation>
    </message>
    <message>
        <source>Imported in {seconds:.1f} s: {written} records written.</source>
        <translation>导入完成，用时 {seconds:.1f} 秒，写入 {written} 条记录。</translation>
    </message>
    <message>
        <source>Everything in the package is already here: there is nothing to import.</source>
        <translation>交换包中的内容本站都已有，没有需要导入的记录。</translation>
    </message>
    <message>
        <source>The package is genuine and complete. Nothing has been written yet: click Import to write it, all at once.</source>
        <translation>交换包签名有效、内容完整。尚未写入任何数据：点击“导入”将一次性写入。</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <source>Pair with a site</source>
        <translation>与站点配对</translation>
    </message>
    <message>
        <source>No identity file chosen yet.</source>
        <translation>尚未选择身份文件。</translation>
    </message>
    <message>
        <source>&amp;Choose the identity file…</source>
        <translation>选择身份文件(&amp;C)…</translation>
    </message>
    <message>
        <source>e.g. 1A2B 3C4D … (optional)</source>
        <translation>例如 1A2B 3C4D …（可不填）</translation>
    </message>
    <message>
        <source>The site reinstalled the program: replace its key</source>
        <translation>对方重装了程序：更换其密钥</translation>
    </message>
    <message>
        <source>Site code:</source>
        <translation>站点代码：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <source>Fingerprint read over the phone:</source>
        <translation>电话核对的指纹：</translation>
    </message>
    <message>
        <source>Call the other office and have them read their fingerprint (Data exchange → This site&apos;s identity). Pair only if it is the same as the one shown here: a different one means the file was swapped on the way.</source>
        <translation>请打电话给对方单位，请对方念出其指纹（数据交换 → 本站身份）。只有与这里显示的指纹一致时才配对；不一致说明文件在传递途中被调换过。</translation>
    </message>
    <message>
        <source>&amp;Pair</source>
        <translation>配对(&amp;P)</translation>
    </message>
    <message>
        <source>Choose the identity file</source>
        <translation>选择身份文件</translation>
    </message>
    <message>
        <source>Site identity files (*.mqid);;All files (*)</source>
        <translation>站点身份文件 (*.mqid);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Not an identity file</source>
        <translation>不是身份文件</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>文件：{name}</translation>
    </message>
    <message>
        <source>Not paired</source>
        <translation>未配对</translation>
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
    <name>PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Set a temporary password for {name} ({user}) and tell it to them in person; they should change it after signing in. This also unlocks the account.</source>
        <translation>为 {name}（{user}）设置一个临时密码并当面告知本人，登录后请其修改密码。重置密码同时会解除账号锁定。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same one twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>PeersDialog</name>
    <message>
        <source>Paired sites</source>
        <translation>已配对站点</translation>
    </message>
    <message>
        <source>No site is paired yet. Use “Pair with a site…” with the identity file of the other office.</source>
        <translation>尚未与任何站点配对。请用对方单位的身份文件“与站点配对…”。</translation>
    </message>
    <message>
        <source>&amp;Pair with a site…</source>
        <translation>与站点配对(&amp;P)…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Last package sent</source>
        <translation>上次发送</translation>
    </message>
    <message>
        <source>Last package received</source>
        <translation>上次接收</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
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
    <name>PublishColumns</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Original (stays here)</source>
        <translation>原文（不公示）</translation>
    </message>
    <message>
        <source>Published (masked)</source>
        <translation>公示内容（已遮挡）</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>ID card numbers</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>student numbers</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>e-mail addresses</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>names of reporters and students</source>
        <translation>反映人和学生姓名</translation>
    </message>
    <message>
        <source>Publish the three lists</source>
        <translation>公示三个清单</translation>
    </message>
    <message>
        <source>What the portal will show. Reporter names and phones, the people asked at follow-ups and the care register are never published; personal data found in the texts is masked as shown on the first page. Check it, then save.</source>
        <translation>以下是门户网站将公示的内容。反映人姓名和电话、回访对象和关爱帮扶台账一律不公示；文中的个人信息按第一页所示遮挡。请核对后再保存。</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Web page (.html)</source>
        <translation>网页 (.html)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 表格 (.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (.pdf)</source>
        <translation>PDF 文件 (.pdf)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Original (stays in the database)</source>
        <translation>原文（仅留在数据库中）</translation>
    </message>
    <message>
        <source>Published (masked)</source>
        <translation>公示内容（已遮挡）</translation>
    </message>
    <message>
        <source>Masking, side by side ({n})</source>
        <translation>遮挡对照（{n}）</translation>
    </message>
    <message>
        <source>Collecting the lists…</source>
        <translation>正在收集清单…</translation>
    </message>
    <message>
        <source>{name} {n}</source>
        <translation>{name} {n} 处</translation>
    </message>
    <message>
        <source>Problems {p} · tasks {t} · effects {e} will be published.</source>
        <translation>将公示问题 {p} 个、任务 {t} 项、效果 {e} 项。</translation>
    </message>
    <message>
        <source>Masked in {n} texts: {found}.</source>
        <translation>{n} 段文字中遮挡了：{found}。</translation>
    </message>
    <message>
        <source>The first {n} are listed.</source>
        <translation>下表列出前 {n} 段。</translation>
    </message>
    <message>
        <source>No personal data was found in the texts.</source>
        <translation>文中未发现个人信息。</translation>
    </message>
    <message>
        <source>Preparing the publication</source>
        <translation>正在准备公示内容</translation>
    </message>
    <message>
        <source>Tick at least one format to save.</source>
        <translation>请至少勾选一种格式。</translation>
    </message>
    <message>
        <source>Save the publication as</source>
        <translation>公示文件保存为</translation>
    </message>
    <message>
        <source>Name for the files (the extension is added per format) (*)</source>
        <translation>文件名（按格式自动加扩展名） (*)</translation>
    </message>
    <message>
        <source>Replace the files?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>These files exist already and will be replaced:
{files}</source>
        <translation>以下文件已存在，将被替换：
{files}</translation>
    </message>
    <message>
        <source>Saving the publication</source>
        <translation>正在保存公示文件</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已生成公示文件</translation>
    </message>
    <message>
        <source>Saved, personal data masked:
{files}</source>
        <translation>已保存（个人信息已遮挡）：
{files}</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>The files could not be written: {error}. Choose another folder, or close the file if another program has it open, then save again.</source>
        <translation>无法写入文件：{error}。请换一个文件夹，或关闭占用该文件的程序后再保存。</translation>
    </message>
</context>
<context>
    <name>PublishMenu</name>
    <message>
        <source>&amp;Publish the three lists…</source>
        <translation>公示三个清单(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>QuotasPage</name>
    <message>
        <source>From the plan: bureau leaders each lead the solving of 1–2 strongly reported problems, leaders of affiliated units 1, and every leadership member at least one practical project. The leaders&apos; quota check counts against these numbers.</source>
        <translation>按方案要求：局领导班子成员每人领办 1 至 2 个群众反映强烈的问题，二级单位领导班子成员每人领办 1 个，每名班子成员至少领办 1 项民生实事。领导指标核对按这些数字统计。</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>任务指标</translation>
    </message>
</context>
<context>
    <name>RatesPanel</name>
    <message>
        <source>Three rates of the problems this leader&apos;s tasks serve:</source>
        <translation>该领导领办任务所涉问题的三率：</translation>
    </message>
    <message>
        <source>Three rates of the filtered problems:</source>
        <translation>筛选范围内问题的“三率”：</translation>
    </message>
    <message>
        <source>Response {rate} ({part}/{whole}, task within {days} working days)</source>
        <translation>响应率 {rate}（{part}/{whole}，{days} 个工作日内立项）</translation>
    </message>
    <message>
        <source>· Resolution {rate} ({part}/{whole} closed out)</source>
        <translation>· 解决率 {rate}（{part}/{whole} 已销号）</translation>
    </message>
    <message>
        <source>· Satisfaction {rate} ({part}/{whole} ratings satisfied or basically)</source>
        <translation>· 满意率 {rate}（{part}/{whole} 次评价为满意或基本满意）</translation>
    </message>
    <message>
        <source>Response: problems that got a task within the set working days (campaign setting). Resolution: problems closed out. Satisfaction: ratings “satisfied” or “basically satisfied” among all follow-up ratings. Counted over the problems reported in the campaign that tasks led by this cadre (领办) serve.</source>
        <translation>响应率：在规定工作日内（活动设置）立项的问题所占比例。解决率：已销号的问题所占比例。满意率：全部回访评价中“满意”和“基本满意”所占比例。统计范围是活动期间登记、由该干部领办的任务所涉及的问题。</translation>
    </message>
    <message>
        <source>Response: problems that got a task within the set working days (campaign setting). Resolution: problems closed out. Satisfaction: ratings “satisfied” or “basically satisfied” among all follow-up ratings of their tasks. On the task and effect lists the region, responsible unit and lead leader narrow the rates; the dates there (opening, completion) do not.</source>
        <translation>响应率：在规定工作日内（活动设置）立项的问题所占比例。解决率：已销号的问题所占比例。满意率：相关任务的全部回访评价中“满意”和“基本满意”所占比例。在任务清单和效果清单中，区域、责任单位和领办领导会缩小统计范围；其中的立项、完成日期不影响“三率”。</translation>
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
    <name>ReportDialog</name>
    <message>
        <source>Make a report</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>报表(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>区域(&amp;G)：</translation>
    </message>
    <message>
        <source>Stored &amp;study:</source>
        <translation>专题研究(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Phase:</source>
        <translation>活动阶段(&amp;P)：</translation>
    </message>
    <message>
        <source>Party &amp;branch:</source>
        <translation>党支部(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No records yet</source>
        <translation>（尚无记录）</translation>
    </message>
    <message>
        <source>The whole organisation</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>No stored study yet (the lists as they are now)</source>
        <translation>（尚未登记专题研究）</translation>
    </message>
    <message>
        <source>{phase} ({start} to {end})</source>
        <translation>{phase}（{start} 至 {end}）</translation>
    </message>
    <message>
        <source>No campaign phases set</source>
        <translation>（尚未设置活动阶段）</translation>
    </message>
    <message>
        <source>Every branch</source>
        <translation>全部党支部</translation>
    </message>
    <message>
        <source>{task} (due {date})</source>
        <translation>{task}（{date} 到期）</translation>
    </message>
    <message>
        <source>Every overdue task</source>
        <translation>全部逾期任务</translation>
    </message>
    <message>
        <source>the latest month</source>
        <translation>最近的月份</translation>
    </message>
    <message>
        <source>the whole organisation</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>the latest stored study</source>
        <translation>最近一次专题研究</translation>
    </message>
    <message>
        <source>the current phase</source>
        <translation>当前阶段</translation>
    </message>
    <message>
        <source>every branch</source>
        <translation>全部党支部</translation>
    </message>
    <message>
        <source>every overdue task</source>
        <translation>全部逾期任务</translation>
    </message>
    <message>
        <source>Preselected: {defaults}. Click Generate, or choose others first.</source>
        <translation>已预先选好：{defaults}。直接点“生成”即可，也可以先改选。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>This report needs no choices: click Generate.</source>
        <translation>这种报表不需要选择条件，直接点“生成”即可。</translation>
    </message>
    <message>
        <source>The month of the chosen study is used.</source>
        <translation>按所选专题研究的月份生成。</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Preview: {title}</source>
        <translation>预览：{title}</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Whole &amp;page</source>
        <translation>整页(&amp;P)</translation>
    </message>
    <message>
        <source>Page {n} of {m}</source>
        <translation>第 {n} / {m} 页</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Printing {title}</source>
        <translation>正在打印{title}</translation>
    </message>
    <message>
        <source>Sent {n} pages to the printer.</source>
        <translation>已将 {n} 页送往打印机。</translation>
    </message>
    <message>
        <source>Printing cancelled; the pages already sent may still print.</source>
        <translation>已取消打印；已送出的页可能仍会打印出来。</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <source>The report could not be sent to the printer ({reason}). Check that the printer is switched on and chosen in the print dialog, then try again; or save the report as a PDF file and print that.</source>
        <translation>报表没能送到打印机（{reason}）。请检查打印机是否已开机、是否在打印对话框中选中了它，然后重试；也可以先把报表另存为 PDF 文件，再打印该文件。</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>报表另存为</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>The report could not be saved to {path} ({reason}). Nothing was written there; the report is still open here. Choose another folder (for example 文档) and save again.</source>
        <translation>报表没能保存到 {path}（{reason}），那里没有写入任何内容；报表仍在预览中。请换一个文件夹（例如“文档”）再保存。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>ReportPrinter</name>
    <message>
        <source>Making the report</source>
        <translation>正在生成报告</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReportsFeature</name>
    <message>
        <source>Making {title}</source>
        <translation>正在生成{title}</translation>
    </message>
    <message>
        <source>{title}: cancelled; no file was made.</source>
        <translation>{title}：已取消，没有生成任何文件。</translation>
    </message>
    <message>
        <source>the program met an error it did not expect ({error}). The details are in the log file {path}; please send it to the person who supports the program</source>
        <translation>程序遇到了意外的错误（{error}）。详细情况已写入日志文件 {path}，请把该文件发给负责维护本程序的人员</translation>
    </message>
    <message>
        <source>Report not made</source>
        <translation>报表未生成</translation>
    </message>
    <message>
        <source>The report “{title}” was not made: {reason}.

No file was written and no data was changed. You can try again, perhaps with other choices.</source>
        <translation>报表“{title}”未能生成：{reason}。

没有生成任何文件，数据没有任何改动。可以换一个条件后重试。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Only an administrator can change the campaign settings; you can change this PC&apos;s fonts, language and database.</source>
        <translation>只有管理员可以修改活动设置；您可以修改本机的字体、语言和数据库。</translation>
    </message>
    <message>
        <source>Some settings need correcting (marked ⚠); nothing has been saved yet.</source>
        <translation>有些设置需要改正（标有 ⚠），目前尚未保存任何内容。</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>Nothing was saved: {message}

Correct the fields marked in red and press Save again, or press Cancel to keep the settings as they were.</source>
        <translation>没有保存任何设置：{message}

请改正红色提示的内容后再点“保存”，或点“取消”保持原来的设置。</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <source>Make a setup file for a new site…</source>
        <translation>为新站点生成设置文件…</translation>
    </message>
</context>
<context>
    <name>SetupFileDialog</name>
    <message>
        <source>Setup file for a new site</source>
        <translation>为新站点生成设置文件</translation>
    </message>
    <message>
        <source>e.g. SX01</source>
        <translation>例如 SX01</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Site code</source>
        <translation>站点代码</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>站点级别</translation>
    </message>
    <message>
        <source>Save in</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Make the file</source>
        <translation>生成文件</translation>
    </message>
    <message>
        <source>For a school or county that installs the program for the first time: its first-run wizard imports this file, so nobody there retypes units, cadres and settings. Take the file over on a USB stick or by e-mail.</source>
        <translation>供第一次安装本程序的学校或县（市、区）教育局使用：对方的首次使用向导导入这个文件后，就不必重新录入单位、干部和设置。请用U盘或电子邮件把文件交给对方。</translation>
    </message>
    <message>
        <source>Choose the folder to save the file in</source>
        <translation>请选择保存文件的文件夹</translation>
    </message>
    <message>
        <source>Making the setup file</source>
        <translation>正在生成设置文件</translation>
    </message>
    <message>
        <source>Setup file made</source>
        <translation>设置文件已生成</translation>
    </message>
    <message>
        <source>The setup file is saved as:
{path}

When the new site&apos;s wizard shows the bureau&apos;s fingerprint, confirm it over the phone: it must read
{fingerprint}</source>
        <translation>设置文件已保存为：
{path}

新站点的向导显示上级教育局的指纹时，请在电话中与对方核对，指纹应为：
{fingerprint}</translation>
    </message>
</context>
<context>
    <name>SetupFilePage</name>
    <message>
        <source>Setup file from your bureau</source>
        <translation>上级教育局的设置文件</translation>
    </message>
    <message>
        <source>Choose the file your bureau gave you. Its units, cadres, campaign and settings are imported, and the bureau becomes a trusted site for exchanging data.</source>
        <translation>请选择上级教育局提供的文件。其中的单位、干部、活动和设置将被导入，该教育局同时成为可信的数据交换站点。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Setup file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <source>Choose the setup file</source>
        <translation>选择设置文件</translation>
    </message>
    <message>
        <source>Setup files (*.mqsetup)</source>
        <translation>设置文件 (*.mqsetup)</translation>
    </message>
    <message>
        <source>This file sets up site {code} {name} ({level}) under {sender} {sender_name}.
Fingerprint of the bureau&apos;s key: {fingerprint}
To be sure the file really comes from your bureau, phone them and compare this fingerprint with the one their screen shows.</source>
        <translation>该文件用于设置站点 {code} {name}（{level}），上级为 {sender} {sender_name}。
上级教育局密钥的指纹：{fingerprint}
为确认文件确实来自上级教育局，请打电话与对方核对屏幕上显示的指纹。</translation>
    </message>
    <message>
        <source>Choose the setup file (ending in .mqsetup)</source>
        <translation>请选择设置文件（扩展名 .mqsetup）</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <source>Organisation and this site</source>
        <translation>单位和本站点</translation>
    </message>
    <message>
        <source>The organisation&apos;s name heads every report. The site code is short and unique among all sites that exchange data (e.g. SZ for the city, SX for a county, SX01 for a school); ask your bureau if unsure.</source>
        <translation>单位名称显示在每份报表的抬头。站点代码要简短，并且在所有互相交换数据的站点中唯一（例如市教育局 SZ、县教育局 SX、学校 SX01）；不清楚时请询问上级教育局。</translation>
    </message>
    <message>
        <source>e.g. SX01</source>
        <translation>例如 SX01</translation>
    </message>
    <message>
        <source>e.g. 随县第一中学</source>
        <translation>例如 随县第一中学</translation>
    </message>
    <message>
        <source>the code of the bureau above, e.g. SX</source>
        <translation>上级教育局的站点代码，例如 SX</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Site code</source>
        <translation>站点代码</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>站点级别</translation>
    </message>
    <message>
        <source>Parent site code</source>
        <translation>上级站点代码</translation>
    </message>
    <message>
        <source>Enter the code of the bureau above this site (a school: its county bureau; a county: the city bureau)</source>
        <translation>请填写上级教育局的站点代码（学校填所属县（市、区）教育局的代码，县教育局填市教育局的代码）</translation>
    </message>
    <message>
        <source>The parent code has letters and digits only, e.g. SX</source>
        <translation>上级站点代码只能由字母和数字组成，例如 SX</translation>
    </message>
    <message>
        <source>The parent code must differ from this site&apos;s own code</source>
        <translation>上级站点代码不能与本站点代码相同，请检查</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to 民情台账</source>
        <translation>欢迎使用民情台账</translation>
    </message>
    <message>
        <source>This PC has no ledger database yet. Choose how to start; you can change every setting later in Settings.</source>
        <translation>本机还没有台账数据库。请选择开始的方式；以后可以在“设置”中修改各项设置。</translation>
    </message>
    <message>
        <source>Set up this site myself (organisation, campaign, administrator)</source>
        <translation>由我自己设置本站点（单位、活动、管理员）</translation>
    </message>
    <message>
        <source>Import a setup file from my bureau (units, cadres and settings already filled in)</source>
        <translation>导入上级教育局发来的设置文件（单位、干部和设置都已填好）</translation>
    </message>
    <message>
        <source>Open the demo data to look around first</source>
        <translation>先打开演示数据看一看</translation>
    </message>
    <message>
        <source>For a city or county bureau, or a school without a setup file.</source>
        <translation>适用于市、县（市、区）教育局，或没有设置文件的学校。</translation>
    </message>
    <message>
        <source>Your county or city bureau gives you this file (ending in .mqsetup) on a USB stick or by e-mail.</source>
        <translation>设置文件（扩展名 .mqsetup）由县（市、区）或市教育局通过U盘或电子邮件提供。</translation>
    </message>
    <message>
        <source>Invented records of a whole city, kept apart from your own data. The wizard appears again at the next start.</source>
        <translation>一个虚构城市的完整数据，与正式数据完全分开。下次启动时会再次出现本向导。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The database chosen in the settings, {path}, cannot be found. Nothing was changed and no data was lost. If it is on a network or USB drive, connect the drive and start the program again.</source>
        <translation>找不到设置中选择的数据库“{path}”。没有做任何改动，数据没有丢失。如果数据库在网络盘或U盘上，请连接好后重新启动程序。</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>StudiesWidget</name>
    <message>
        <source>Record a study…</source>
        <translation>登记专题研究…</translation>
    </message>
    <message>
        <source>Print the study report…</source>
        <translation>打印专题研究报告…</translation>
    </message>
    <message>
        <source>Your role may not record studies: a leader, a clerk or the administrator does.</source>
        <translation>您的角色不能登记专题研究，请由局领导、录入员或管理员办理。</translation>
    </message>
    <message>
        <source>{n} studies stored</source>
        <translation>已存 {n} 次专题研究</translation>
    </message>
    <message>
        <source>The monthly study report is not available in this version.</source>
        <translation>此版本暂不提供专题研究报告。</translation>
    </message>
</context>
<context>
    <name>StudyColumns</name>
    <message>
        <source>Held on</source>
        <translation>研究日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status then</source>
        <translation>当时状态</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>反映日期</translation>
    </message>
    <message>
        <source>Strongly reported</source>
        <translation>强烈</translation>
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
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>销号日期</translation>
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
        <source>Working days overdue</source>
        <translation>逾期工作日</translation>
    </message>
    <message>
        <source>Escalation then</source>
        <translation>当时督办等级</translation>
    </message>
    <message>
        <source>Resolution mode</source>
        <translation>解决方式</translation>
    </message>
    <message>
        <source>Lead leader</source>
        <translation>领办领导</translation>
    </message>
    <message>
        <source>Livelihood project</source>
        <translation>实事</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>立项日期</translation>
    </message>
    <message>
        <source>Taken on</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>督办人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Task title / unit</source>
        <translation>任务名称 / 单位</translation>
    </message>
    <message>
        <source>At the previous study</source>
        <translation>上次研究时</translation>
    </message>
    <message>
        <source>At this study</source>
        <translation>本次研究时</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>With a task</source>
        <translation>已立项</translation>
    </message>
    <message>
        <source>Closed out</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Response rate (then → now)</source>
        <translation>响应率（上次 → 本次）</translation>
    </message>
    <message>
        <source>Resolution rate (then → now)</source>
        <translation>解决率（上次 → 本次）</translation>
    </message>
    <message>
        <source>Satisfaction rate (then → now)</source>
        <translation>满意率（上次 → 本次）</translation>
    </message>
    <message>
        <source>✔ met since</source>
        <translation>✔ 已达标</translation>
    </message>
    <message>
        <source>⚠ open</source>
        <translation>⚠ 未达标</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>任务要求</translation>
    </message>
</context>
<context>
    <name>StudyView</name>
    <message>
        <source>New problems</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <source>New tasks</source>
        <translation>新增任务</translation>
    </message>
    <message>
        <source>Closed out</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Newly overdue</source>
        <translation>新增逾期</translation>
    </message>
    <message>
        <source>Overdue (督办/通报)</source>
        <translation>逾期（督办/通报）</translation>
    </message>
    <message>
        <source>Escalations since</source>
        <translation>新增督办事项</translation>
    </message>
    <message>
        <source>Listed for public criticism</source>
        <translation>列入通报</translation>
    </message>
    <message>
        <source>Status changes</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>The three rates</source>
        <translation>三率</translation>
    </message>
    <message>
        <source>Quota gaps</source>
        <translation>任务未达标</translation>
    </message>
    <message>
        <source>Problem list then</source>
        <translation>当时的问题清单</translation>
    </message>
    <message>
        <source>Task list then</source>
        <translation>当时的任务清单</translation>
    </message>
    <message>
        <source>Choose a study on the left, or record a new one.</source>
        <translation>请在左侧选择一次专题研究，或登记新的专题研究。</translation>
    </message>
    <message>
        <source>previous study: {day} “{title}”</source>
        <translation>上次研究：{day}“{title}”</translation>
    </message>
    <message>
        <source>the first study: everything counts as new</source>
        <translation>第一次专题研究：全部计为新增</translation>
    </message>
    <message>
        <source>Held on {day} · lists frozen at {made} (UTC) · {previous}</source>
        <translation>研究日期 {day} · 清单冻结于 {made}（UTC） · {previous}</translation>
    </message>
    <message>
        <source>Opinion of the study: {note}</source>
        <translation>研究意见：{note}</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>With a task</source>
        <translation>已立项</translation>
    </message>
    <message>
        <source>Problems closed out</source>
        <translation>问题已销号</translation>
    </message>
    <message>
        <source>Problems with an overdue task</source>
        <translation>任务逾期的问题</translation>
    </message>
    <message>
        <source>Strongly reported</source>
        <translation>群众反映强烈</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Tasks overdue</source>
        <translation>逾期任务</translation>
    </message>
    <message>
        <source>Effects recorded</source>
        <translation>已登记效果</translation>
    </message>
    <message>
        <source>Tasks closed out</source>
        <translation>任务已销号</translation>
    </message>
    <message>
        <source>Follow-up ratings</source>
        <translation>回访评价</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>响应率</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Leaders&apos; quotas checked</source>
        <translation>核查任务的领导</translation>
    </message>
    <message>
        <source>New problems since</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <source>New tasks since</source>
        <translation>新增任务</translation>
    </message>
    <message>
        <source>Closed out since (problems + tasks)</source>
        <translation>新销号（问题 + 任务）</translation>
    </message>
    <message>
        <source>Newly overdue tasks</source>
        <translation>新增逾期任务</translation>
    </message>
    <message>
        <source>Reopened since</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Escalation steps since</source>
        <translation>新增催办、督办、通报</translation>
    </message>
    <message>
        <source>Chase notices since (催办)</source>
        <translation>新增催办</translation>
    </message>
    <message>
        <source>Supervisions since (督办)</source>
        <translation>新增督办</translation>
    </message>
    <message>
        <source>Public criticisms since (通报)</source>
        <translation>新增通报</translation>
    </message>
    <message>
        <source>Tasks listed for public criticism</source>
        <translation>列入通报批评的任务</translation>
    </message>
    <message>
        <source>This study was recorded before escalation steps were frozen with the lists: it shows none, which does not mean there were none.</source>
        <translation>这次专题研究登记时，清单快照尚未保存催办、督办和通报情况：此处不显示，不代表没有。</translation>
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
        <source>The deadline may be brought forward here; to push it back, use “Extend deadline…” (a reason and a leader&apos;s approval).</source>
        <translation>此处只能提前办结时限；如需推后，请使用“延期…”（写明原因并经领导审批）。</translation>
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
        <source>Extend deadline…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <source>Chase notice…</source>
        <translation>催办…</translation>
    </message>
    <message>
        <source>Evidence files…</source>
        <translation>佐证材料…</translation>
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
        <source>Record the effect first.</source>
        <translation>请先登记效果。</translation>
    </message>
    <message>
        <source>Supervise…</source>
        <translation>督办…</translation>
    </message>
    <message>
        <source>Public criticism…</source>
        <translation>通报…</translation>
    </message>
    <message>
        <source>Already listed for public criticism: the top of the ladder.</source>
        <translation>已列入通报，已是最高一级督办。</translation>
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
    <name>UserColumns</name>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>no password yet</source>
        <translation>尚未设置密码</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Care register</source>
        <translation>关爱台账</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>UserFormDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Change user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>May see the care register (records about minors)</source>
        <translation>可查看关爱帮扶台账（涉及未成年人）</translation>
    </message>
    <message>
        <source>at least 8 characters, not only digits</source>
        <translation>至少 8 个字符，不能全是数字</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>A school user sees and enters only the records of its own unit; choose its school.</source>
        <translation>学校用户只能查看和录入本单位的记录，请选择其所属学校。</translation>
    </message>
    <message>
        <source>Required for a school user</source>
        <translation>学校用户必须选择</translation>
    </message>
</context>
<context>
    <name>UserManagerDialog</name>
    <message>
        <source>User management</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>新建用户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>修改(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未办理</translation>
    </message>
    <message>
        <source>Created user {user}.</source>
        <translation>已新建用户 {user}。</translation>
    </message>
    <message>
        <source>Saved the changes to {user}.</source>
        <translation>已保存对 {user} 的修改。</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Disable {user}? They can no longer sign in; their records and history stay.</source>
        <translation>停用 {user}？停用后不能再登录，其录入的记录和历史保留。</translation>
    </message>
    <message>
        <source>Disabled {user}.</source>
        <translation>已停用 {user}。</translation>
    </message>
    <message>
        <source>Enabled {user}.</source>
        <translation>已启用 {user}。</translation>
    </message>
    <message>
        <source>Set a new password for {user}.</source>
        <translation>已为 {user} 设置新密码。</translation>
    </message>
    <message>
        <source>Unlocked {user}.</source>
        <translation>已解锁 {user}。</translation>
    </message>
    <message>
        <source>Not permitted</source>
        <translation>无权操作</translation>
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
    <name>VisitsPreview</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Visit log</source>
        <translation>走访日志</translation>
    </message>
</context>
<context>
    <name>VocabularyPage</name>
    <message>
        <source>Chinese</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Chinese name, e.g. 心理健康</source>
        <translation>中文名称，例如 心理健康</translation>
    </message>
    <message>
        <source>English name (optional)</source>
        <translation>英文名称（可不填）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>增加</translation>
    </message>
    <message>
        <source>Remove unsaved</source>
        <translation>删除未保存项</translation>
    </message>
    <message>
        <source>Terms added here appear in the forms, filters, Excel templates and charts next to the built-in ones, and reach the schools with the next data package. A term once saved stays: records may use it.</source>
        <translation>在这里增加的项目会与内置项目一起出现在表单、筛选、Excel 模板和图表中，并随下一个交换包发到各学校。已保存的项目不能删除或改名，因为已有记录可能在使用它。</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Vocabularies</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>added</source>
        <translation>已增加</translation>
    </message>
    <message>
        <source>new, unsaved</source>
        <translation>新增，未保存</translation>
    </message>
    <message>
        <source>Type the Chinese name of the new term first</source>
        <translation>请先填写新项目的中文名称</translation>
    </message>
    <message>
        <source>Only terms added in this window and not yet saved can be removed</source>
        <translation>只能删除在本窗口中新增、尚未保存的项目；内置项目和已保存的项目不能删除</translation>
    </message>
</context>
</TS>
