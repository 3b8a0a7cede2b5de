package ca.gardien.connectors.spi;

import javax.sql.DataSource;

/**
 * A connector to a relational database: Gardien reads its schema and the dataset annotations, walks the references and
 * runs every action itself, with checkpoints, so any JDBC driver on the class path gets all four actions.
 */
public interface JdbcConnector extends Connector {

    DataSource dataSource();
}
