"""leaner visit indexes; visit_cadre and visit_activity without row ids on SQLite

Three indexes no query reads are dropped (every visit query asks for live visits, which the
partial indexes ix_visit_live_unit / ix_visit_live_method serve; no query looks visits up by
activity). On SQLite the two link tables become WITHOUT ROWID tables clustered on their
primary key (visit, cadre) / (visit, activity): one b-tree each instead of the table and its
key index, so a visit's cadres are read by one seek and writing them costs about a third less.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The link tables as 0001 made them, with or without row ids (SQLite's DDL, "{rowid}").
_LINKS = {
    'visit_cadre': (
        "CREATE TABLE {name} (\n"
        "\tvisit_id CHAR(32) NOT NULL, \n"
        "\tcadre_id CHAR(32) NOT NULL, \n"
        "\tPRIMARY KEY (visit_id, cadre_id), \n"
        "\tFOREIGN KEY(cadre_id) REFERENCES cadre (id), \n"
        "\tFOREIGN KEY(visit_id) REFERENCES visit (id)\n"
        "){rowid}",
        "visit_id, cadre_id"),
    'visit_activity': (
        "CREATE TABLE {name} (\n"
        "\tvisit_id CHAR(32) NOT NULL, \n"
        "\tactivity VARCHAR(32) NOT NULL, \n"
        "\tPRIMARY KEY (visit_id, activity), \n"
        "\tFOREIGN KEY(visit_id) REFERENCES visit (id)\n"
        "){rowid}",
        "visit_id, activity"),
}


def _rebuild(table: str, rowid: str) -> None:
    """Copy *table* into a new one made with *rowid* (" WITHOUT ROWID" or ""), in key order."""
    ddl, columns = _LINKS[table]
    op.execute(ddl.format(name=f'{table}_new', rowid=rowid))
    op.execute(f'INSERT INTO {table}_new ({columns}) SELECT {columns} FROM {table} '
               f'ORDER BY {columns}')
    op.execute(f'DROP TABLE {table}')
    op.execute(f'ALTER TABLE {table}_new RENAME TO {table}')


def upgrade() -> None:
    op.drop_index('ix_visit_method', table_name='visit')
    op.drop_index('ix_visit_unit_id', table_name='visit')
    op.drop_index('ix_visit_activity_activity', table_name='visit_activity')
    if op.get_bind().dialect.name == 'sqlite':
        op.drop_index('ix_visit_cadre_cadre_id', table_name='visit_cadre')
        _rebuild('visit_cadre', ' WITHOUT ROWID')
        _rebuild('visit_activity', ' WITHOUT ROWID')
        op.create_index('ix_visit_cadre_cadre_id', 'visit_cadre', ['cadre_id'], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.drop_index('ix_visit_cadre_cadre_id', table_name='visit_cadre')
        _rebuild('visit_cadre', '')
        _rebuild('visit_activity', '')
        op.create_index('ix_visit_cadre_cadre_id', 'visit_cadre', ['cadre_id'], unique=False)
    op.create_index('ix_visit_activity_activity', 'visit_activity', ['activity'], unique=False)
    op.create_index('ix_visit_unit_id', 'visit', ['unit_id'], unique=False)
    op.create_index('ix_visit_method', 'visit', ['method'], unique=False)
