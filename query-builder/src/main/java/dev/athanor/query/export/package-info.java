/** The query as code for other tools: SQLAlchemy 2.0 Core (Python) and jOOQ (Java). */
package dev.athanor.query.export;
