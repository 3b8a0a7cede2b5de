/** Services reached by signed webhook: the run order is POSTed, the service answers at a signed callback. */
package ca.gardien.connectors.webhook;
