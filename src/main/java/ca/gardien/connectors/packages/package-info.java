/** Export packages: written during an export run, downloaded once, deleted after their retention period. */
package ca.gardien.connectors.packages;
