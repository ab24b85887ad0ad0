/*
 * Points Backstage's TestDatabases at the PostgreSQL and MySQL/MariaDB servers
 * on this machine instead of Docker containers, creating the MySQL test user
 * it needs (TestDatabases requires a password).
 *
 * Servers: PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and
 * MariaDB or MySQL on 127.0.0.1:3306 (root, empty password), unless the
 * BACKSTAGE_TEST_DATABASE_*_CONNECTION_STRING variables name others.
 */
const { Client } = require('pg');
const mysql = require('mysql2/promise');

const POSTGRES_VAR = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
const MYSQL_VAR = 'BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING';
const MYSQL_TEST_USER = 'readiness_test';

async function checkPostgres(connectionString) {
  const client = new Client({
    connectionString,
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  await client.end();
}

async function createMysqlTestUser() {
  const connection = await mysql.createConnection({
    host: '127.0.0.1',
    port: 3306,
    user: 'root',
    password: '',
    connectTimeout: 5000,
  });
  try {
    for (const host of ['%', 'localhost', '127.0.0.1']) {
      const user = `'${MYSQL_TEST_USER}'@'${host}'`;
      await connection.query(
        `CREATE USER IF NOT EXISTS ${user} IDENTIFIED BY '${MYSQL_TEST_USER}'`,
      );
      await connection.query(`GRANT ALL PRIVILEGES ON *.* TO ${user}`);
    }
  } finally {
    await connection.end();
  }
  return `mysql://${MYSQL_TEST_USER}:${MYSQL_TEST_USER}@127.0.0.1:3306/mysql`;
}

/**
 * Sets the environment for TestDatabases. A server that cannot be reached is
 * an error, so that a test run never passes by silently testing less.
 */
async function prepareTestDatabases(env = process.env) {
  env.BACKSTAGE_TEST_DISABLE_DOCKER = '1';
  env[POSTGRES_VAR] ??= 'postgresql://postgres@127.0.0.1:5432';
  try {
    await checkPostgres(env[POSTGRES_VAR]);
  } catch (error) {
    throw new Error(
      `PostgreSQL is needed for the store tests but ${env[POSTGRES_VAR]} cannot be reached: ${error.message}. ` +
        `Start PostgreSQL 15 on 127.0.0.1:5432 or set ${POSTGRES_VAR}.`,
    );
  }
  if (!env[MYSQL_VAR]) {
    try {
      env[MYSQL_VAR] = await createMysqlTestUser();
    } catch (error) {
      throw new Error(
        `MySQL/MariaDB is needed for the store tests but root@127.0.0.1:3306 cannot be used: ${error.message}. ` +
          `Start MariaDB on 127.0.0.1:3306 or set ${MYSQL_VAR}.`,
      );
    }
  }
  return env;
}

module.exports = { prepareTestDatabases };

if (require.main === module) {
  prepareTestDatabases({}).then(
    env => console.log(env),
    error => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
