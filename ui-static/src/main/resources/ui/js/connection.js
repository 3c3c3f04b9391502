// How to reach an output port: its protocol, endpoint and format as facts, and a ready-to-copy
// connection snippet for the protocol (a psql line, a Kafka consumer config, a Spark read, a curl
// call...). The catalog never holds credentials: snippets leave the user and secrets to the reader's
// own environment ($USER, $TOKEN).
import { h } from './dom.js';

/** Host, port and path of an endpoint URL, whatever its scheme. */
function parts(url) {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)(?::(\d+))?([^?#]*)/i.exec(url || '');
  return m ? { host: m[1], port: m[2], path: m[3] || '' } : { host: '', port: undefined, path: '' };
}

function server(access) {
  if (access.host) return { host: access.host, port: access.port, database: access.database };
  const p = parts(access.url);
  const database = access.database || p.path.replace(/^\/+/, '').split('/')[0] || undefined;
  return { host: p.host, port: p.port, database };
}

function joinPath(base, path) {
  if (!path) return base;
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

const SPARK_FORMATS = { jsonl: 'json', delta: 'delta', iceberg: 'iceberg', hudi: 'hudi' };

/**
 * The connection snippet of a port: { label, text }, or null when the protocol has none.
 * `dataset` (the port's OpenLineage dataset, if the caller may see it) names the table or object.
 */
export function connectionSnippet(access, dataset) {
  const s = server(access);
  const table = dataset ? dataset.name : null;
  switch (access.protocol) {
    case 'postgres':
    case 'redshift':
      return {
        label: 'psql',
        text: `psql -h ${s.host} -p ${s.port || (access.protocol === 'redshift' ? 5439 : 5432)}`
          + `${s.database ? ` -d ${s.database}` : ''} -U "$USER"`
          + (table ? `\n-- then: SELECT * FROM ${table.split('.').slice(-2).join('.')} LIMIT 10;` : ''),
      };
    case 'mysql':
      return { label: 'mysql', text: `mysql -h ${s.host} -P ${s.port || 3306} -u "$USER" -p${s.database ? ` ${s.database}` : ''}` };
    case 'sqlserver':
      return { label: 'sqlcmd', text: `sqlcmd -S ${s.host},${s.port || 1433}${s.database ? ` -d ${s.database}` : ''} -U "$USER"` };
    case 'oracle':
      return { label: 'sqlplus', text: `sqlplus "$USER"@//${s.host}:${s.port || 1521}/${s.database || ''}` };
    case 'trino':
      return { label: 'trino', text: `trino --server https://${s.host}:${s.port || 443}${s.database ? ` --catalog ${s.database}` : ''} --user "$USER"` };
    case 'snowflake':
      return {
        label: 'snowsql',
        text: `snowsql -a ${s.host.replace(/\.snowflakecomputing\.com$/, '')}${s.database ? ` -d ${s.database}` : ''} -u "$USER"`,
      };
    case 'bigquery':
      return {
        label: 'bq',
        text: table
          ? `bq query --project_id=${s.database || access.database} --use_legacy_sql=false 'SELECT * FROM \`${table}\` LIMIT 10'`
          : `bq ls --project_id=${s.database || access.database}`,
      };
    case 'databricks':
      return { label: 'Databricks SQL', text: `databricks-sql-cli --hostname ${s.host}${table ? ` -e 'SELECT * FROM ${table} LIMIT 10'` : ''}` };
    case 'kafka': {
      const bootstrap = `${s.host}:${s.port || 9092}`;
      return {
        label: 'Kafka consumer',
        text: `# consumer.properties\nbootstrap.servers=${bootstrap}\ngroup.id=${'$'}{USER}-${access.topic}\nauto.offset.reset=earliest\n`
          + `${access.format === 'avro' ? '# values are Avro: use the Avro deserializer of your schema registry\n' : ''}`
          + `\nkafka-console-consumer.sh --bootstrap-server ${bootstrap} --topic ${access.topic} --consumer.config consumer.properties`,
      };
    }
    case 's3':
    case 'gcs':
    case 'abfss': {
      const location = access.protocol === 's3' ? access.url.replace(/^s3:\/\//, 's3a://') : access.url;
      const format = SPARK_FORMATS[access.format] || access.format || 'parquet';
      return { label: 'Spark', text: `df = spark.read.format("${format}").load("${location}")` };
    }
    case 'https':
      return { label: 'curl', text: `curl -H "Authorization: Bearer $TOKEN" "${joinPath(access.url, access.path)}"` };
    case 'sftp':
      return { label: 'sftp', text: `sftp${s.port ? ` -P ${s.port}` : ''} "$USER@${s.host}:${joinPath(parts(access.url).path || '', access.path) || '/'}"` };
    default:
      return null;
  }
}

/** The facts and the snippet of an output port's access, for the product page. */
export function accessView(port) {
  const access = port.access;
  if (!access) return null;
  const snippet = connectionSnippet(access, port.dataset);
  const id = `connect-${port.name}`;
  const code = snippet ? h('pre', { class: 'connect-snippet', id: `${id}-code` }, h('code', {}, snippet.text)) : null;
  const copied = h('span', { role: 'status', class: 'hint' });
  return h('div', { class: 'access', dataset: { protocol: access.protocol } },
    h('dl', { class: 'facts' },
      h('dt', {}, 'Protocol'), h('dd', {}, access.protocol),
      h('dt', {}, 'Endpoint'), h('dd', {}, h('code', {}, access.endpoint)),
      access.topic ? [h('dt', {}, 'Topic'), h('dd', {}, h('code', {}, access.topic))] : null,
      access.path ? [h('dt', {}, 'Path'), h('dd', {}, h('code', {}, access.path))] : null,
      access.format ? [h('dt', {}, 'Format'), h('dd', {}, access.format)] : null,
      access.documentation
        ? [h('dt', {}, 'Documentation'), h('dd', {}, h('a', { href: access.documentation, rel: 'noopener' }, access.documentation))]
        : null),
    snippet ? h('div', { class: 'connect' },
      h('p', { class: 'hint', id: `${id}-label` }, `Connect with ${snippet.label} (your own credentials; the catalog holds none):`),
      code,
      h('button', {
        type: 'button', class: 'button-secondary', id: `${id}-copy`, 'aria-describedby': `${id}-label`,
        onclick: async () => {
          try {
            await navigator.clipboard.writeText(snippet.text);
            copied.textContent = 'Copied.';
          } catch {
            const range = document.createRange();
            range.selectNodeContents(code);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
          }
        },
      }, 'Copy'), copied) : null);
}
