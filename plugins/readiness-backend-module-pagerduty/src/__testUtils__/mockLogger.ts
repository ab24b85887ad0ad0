import type { LoggerService } from '@backstage/backend-plugin-api';

/** A logger whose calls tests can read, lighter than the test backend's. */
export function mockLogger(): jest.Mocked<LoggerService> {
  const logger = {
    debug: jest.fn(),
    info: jest.fn(),
    warn: jest.fn(),
    error: jest.fn(),
    child: jest.fn(),
  };
  logger.child.mockReturnValue(logger);
  return logger;
}

/** Everything the logger was given, as one string. */
export function loggedText(logger: jest.Mocked<LoggerService>): string {
  return JSON.stringify(
    [logger.debug, logger.info, logger.warn, logger.error].map(
      fn => fn.mock.calls,
    ),
  );
}
