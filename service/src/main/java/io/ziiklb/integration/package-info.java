/**
 * The integration's life: its settings and encrypted credentials, its links, its synchronisation
 * runs, enabling, disabling and removing it, the deletion guard's confirm and cancel, its status.
 */
package io.ziiklb.integration;
