import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { requestScope } from '../shared/request-scope';

/**
 * Counts the SQL statements each request sends (the round-trip budget: it must not grow with
 * page size). TypeORM calls logQuery for every statement; nothing is printed.
 */
export class QueryCountingLogger extends AbstractLogger {
  override logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    const scope = requestScope.getStore();
    if (scope) scope.queries++;
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    // Errors reach the caller as exceptions; the application logger records them there.
  }
}
