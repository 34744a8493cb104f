/** The messages of an error and its causes, kafkajs nesting them and @platformatic/kafka aggregating them. */
function messagesOf(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 5) return [];
  const nested = [
    ...('cause' in error ? messagesOf(error.cause, depth + 1) : []),
    ...('errors' in error && Array.isArray(error.errors)
      ? error.errors.flatMap((inner: unknown) => messagesOf(inner, depth + 1))
      : []),
  ];
  return [error.message, ...nested];
}

const AUTHENTICATION = /authentication failed|invalid credentials|invalid username or password/i;
const HANDSHAKE = /certificate|self[- ]signed|unable to (get|verify)|wrong version number|handshake|EPROTO/i;

/**
 * What an operator should check when Kafka refused the connection itself rather than a request: the text to
 * log beside the error, naming the settings (docs/adr/0033); undefined when the failure is something else.
 */
export function kafkaSecurityHint(error: unknown): string | undefined {
  const text = messagesOf(error).join('\n');
  if (AUTHENTICATION.test(text)) {
    return 'Kafka refused the SASL credentials: check KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (or _FILE)';
  }
  if (HANDSHAKE.test(text)) {
    return 'the TLS handshake with Kafka failed: check KAFKA_SSL, KAFKA_SSL_CA_FILE, and KAFKA_SSL_CERT_FILE/KEY_FILE when the brokers require client certificates';
  }
  return undefined;
}
