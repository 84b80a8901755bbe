import { Catch, type ExceptionFilter } from '@nestjs/common';
import { AppError } from './app-error.js';

/**
 * Expected failures go straight to the GraphQL error formatter: they are answers, not
 * server faults, so Nest must not log them as errors.
 */
@Catch(AppError)
export class AppErrorFilter implements ExceptionFilter {
  catch(error: AppError): AppError {
    return error;
  }
}
