/** The bridge to requests: results of runs started for request tasks, and rectification from a task. */
package ca.gardien.connectors.tasks;
