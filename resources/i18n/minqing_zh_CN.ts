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
    <name>ChartsTab</name>
    <message>
        <source>Progress charts</source>
        <translation>进度图表</translation>
    </message>
    <message>
        <source>Visits, problems and close-outs over time and by region; the same charts go into the printed reports.</source>
        <translation>按时间和地区统计的走访、问题和销号情况；打印的报表使用同样的图表。</translation>
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
    <name>ListsTab</name>
    <message>
        <source>The three lists</source>
        <translation>三个清单</translation>
    </message>
    <message>
        <source>Problems raised, the tasks that answer them and the effects that close them out.</source>
        <translation>群众反映的问题、针对问题的任务，以及据以销号的效果。</translation>
    </message>
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
        <source>The {name} will be shown here.</source>
        <translation>{name}将显示在这里。</translation>
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
</context>
<context>
    <name>PersonnelTab</name>
    <message>
        <source>Personnel and contact points</source>
        <translation>人员与联系点</translation>
    </message>
    <message>
        <source>Cadres and their assignments: grassroots contact points, community registration, branch pairings, villages and enterprises.</source>
        <translation>党员干部及其联系安排：基层联系点、双报到双报告、结对共建、帮扶乡村振兴村和联系企业。</translation>
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
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Visit log</source>
        <translation>走访日志</translation>
    </message>
    <message>
        <source>Every visit: date, cadres, unit visited, method, what was done, who was talked with and what was found.</source>
        <translation>每次走访的日期、参加的干部、走访单位、方式、所做工作、交流对象和发现的问题。</translation>
    </message>
</context>
</TS>
