"""数据导入: administrators load an organization department's sheets: template, upload, preview, confirm.

The statistics bureau's division table (行政区划) is offered first, in place of templates 1 and 2: the same
steps, checked and written by dashboard/imports/divisions.py. Every upload is first checked in full (a dry
run that writes nothing); only a file without problems can be confirmed, and it is then written in one
transaction, logged and audited. The import log is at the bottom.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import streamlit as st

from dashboard.auth import administrator
from dashboard.data import clear_caches, engine
from dashboard.divisions import DIVISIONS_CSV
from dashboard.imports.divisions import DIVISIONS, import_divisions
from dashboard.imports.history import import_history
from dashboard.imports.load import DemoStoreError, Outcome, clear_demo, import_file
from dashboard.imports.reading import max_megabytes
from dashboard.imports.templates import TEMPLATES
from dashboard.imports.workbook import column_notes, report_csv, report_xlsx, template_file_name, template_workbook
from dashboard.missing import BLANK
from dashboard.text import plain
from queries.store import store_facts

viewer = administrator("只有系统管理员可以导入数据。")

store = engine()
st.markdown("### 数据导入")
st.caption("按模板填写 Excel(.xlsx)或 CSV(UTF-8 或 GBK)文件,先预检,无误后确认导入。有任何问题的文件不会写入任何数据;"
           "同一文件重复导入不会产生重复记录。请按下列模板顺序导入(后面的模板引用前面导入的编码)。")

if store_facts(store).is_demo:
    st.warning("当前数据库是**演示数据**。导入真实数据前须先清空演示数据,以免两者混在一起。"
               "清空后保留:15 个区县(市)和管理区、指标目标、设置、账号和日志。")
    confirm = st.checkbox("我确认清空全部演示数据", key="confirm_clear_demo")
    if st.button("清空演示数据", type="primary", disabled=not confirm, key="clear_demo"):
        clear_demo(store, viewer.username)
        clear_caches()
        st.success("已清空演示数据,可以开始导入。")
        st.rerun()
    st.stop()

titles = {DIVISIONS.key: f"0. {DIVISIONS.title}(统计局区划代码表,代替 1、2)",
          **{t.key: f"{number}. {t.title}" for number, t in enumerate(TEMPLATES, start=1)}}
key = st.selectbox("导入模板", list(titles), format_func=titles.get, key="import_template")
template = DIVISIONS if key == DIVISIONS.key else next(t for t in TEMPLATES if t.key == key)
st.markdown(template.description)
left, right = st.columns([3, 1])
with left, st.expander("各列填写说明", expanded=False):
    st.dataframe(column_notes(template), hide_index=True, placeholder=BLANK, width="stretch")
right.download_button("下载模板(.xlsx)", template_workbook(template), template_file_name(template),
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="template_download")
if template is DIVISIONS:
    st.caption("本系统附带常德市 2016 年版区划表,可下载后直接上传(统计局新版的列相同)。街道的社区导入为城市社区"
               "(武陵区、鼎城区的为中心城区),可再用《社区村》模板更正。")
    right.download_button("下载常德市区划表(2016)", DIVISIONS_CSV.read_bytes(), DIVISIONS_CSV.name, mime="text/csv",
                          key="divisions_download")


def run_import(name: str, content: bytes, period, dry_run: bool) -> Outcome:
    """Check (dry run) or import the upload, through the division table's own import or the template's."""
    if template is DIVISIONS:
        return import_divisions(store, name, content, viewer.username, source="页面", dry_run=dry_run)
    return import_file(store, template, name, content, viewer.username, replace_period=period, dry_run=dry_run)


upload = st.file_uploader(f"上传文件(.xlsx 或 .csv,不超过 {max_megabytes():g} MB)", type=["xlsx", "csv"],
                          key=f"upload_{key}")
period = None
if template.period_field:
    header = template.column(template.period_field).header
    if st.checkbox(f"替换一段期间的数据(先删除该期间内全部{template.title},再导入本文件;文件中的{header}须在期间内)",
                   key="replace_period"):
        today = dt.date.today()
        chosen = st.date_input("替换期间", (today.replace(day=1), today), key="replace_dates")
        if isinstance(chosen, tuple) and len(chosen) == 2:
            period = chosen
        else:
            st.info("请选择期间的开始和结束日期。")
            st.stop()

if upload is None:
    st.divider()
else:
    content = upload.getvalue()
    check_key = (template.key, hashlib.sha256(content).hexdigest(), period)
    checks = st.session_state.setdefault("import_checks", {})
    if check_key not in checks:
        with st.spinner("正在预检(检查每一行,不写入数据)"):
            try:
                checks[check_key] = run_import(upload.name, content, period, dry_run=True)
            except DemoStoreError as error:
                st.error(plain(error))
                st.stop()
    preview = checks[check_key]
    if preview.preview is not None:
        st.markdown(f"**文件预览**(前 {len(preview.preview)} 行,共 {preview.rows} 行)")
        st.dataframe(preview.preview, hide_index=True, placeholder=BLANK, width="stretch", key="import_preview")
    if preview.problems:
        st.error(plain(preview.summary()) + "请修改文件后重新上传。")
        report = preview.problems
        st.dataframe([{"文件": p.file, "行": p.row, "列": p.column, "问题": p.message} for p in report[:1000]],
                     hide_index=True, placeholder=BLANK, width="stretch", key="import_problems")
        if len(report) > 1000:
            st.caption(f"只显示前 1000 个问题,共 {len(report)} 个;完整清单请下载。")
        one, two = st.columns(2)
        one.download_button("下载问题清单(CSV)", report_csv(report), f"导入问题_{upload.name}.csv", mime="text/csv",
                            key="report_csv")
        two.download_button("下载问题清单(Excel)", report_xlsx(report), f"导入问题_{upload.name}.xlsx",
                            key="report_xlsx")
    else:
        st.info(plain(preview.summary()))
        if st.button("确认导入", type="primary", key="confirm_import"):
            with st.spinner("正在导入"):
                done = run_import(upload.name, content, period, dry_run=False)
            checks.pop(check_key, None)
            if done.committed:
                clear_caches()
                st.success(plain(done.summary()))
            else:
                st.error(plain(done.summary() + " " + ";".join(p.message for p in done.problems[:3])))

st.markdown("#### 导入记录")
history = import_history(store)
if history.empty:
    st.caption("还没有导入过数据。")
else:
    st.dataframe(history, hide_index=True, placeholder=BLANK, width="stretch", key="import_history")
