/* ferry-tls-database.c: the system's trust store, plus one CA bundle of the person's own
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For self-hosted servers with a private CA (and for the tests' own CA). A chain is
 * trusted when either store trusts it; every other check stays as it is. There is no way
 * to turn certificate checks off.
 */

#define G_LOG_DOMAIN "ferry-tls-database"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ferry-tls-database.h"

struct _FerryTlsDatabase
{
  GTlsDatabase  parent_instance;

  GTlsDatabase *system;  /* owned */
  GTlsDatabase *extra;   /* owned */
};

G_DEFINE_FINAL_TYPE (FerryTlsDatabase, ferry_tls_database, G_TYPE_TLS_DATABASE)

static GTlsCertificateFlags
ferry_tls_database_verify_chain (GTlsDatabase             *database,
                                 GTlsCertificate          *chain,
                                 const char               *purpose,
                                 GSocketConnectable       *identity,
                                 GTlsInteraction          *interaction,
                                 GTlsDatabaseVerifyFlags   flags,
                                 GCancellable             *cancellable,
                                 GError                  **error)
{
  FerryTlsDatabase *self = FERRY_TLS_DATABASE (database);
  GTlsCertificateFlags result;

  result = g_tls_database_verify_chain (self->system, chain, purpose, identity, interaction,
                                        flags, cancellable, error);
  if (result == 0 || (error && *error))
    return result;

  /* Only an unknown issuer is a reason to ask the extra store. */
  if ((result & G_TLS_CERTIFICATE_UNKNOWN_CA) != 0)
    return g_tls_database_verify_chain (self->extra, chain, purpose, identity, interaction,
                                        flags, cancellable, error);
  return result;
}

static char *
ferry_tls_database_create_certificate_handle (GTlsDatabase    *database,
                                              GTlsCertificate *certificate)
{
  FerryTlsDatabase *self = FERRY_TLS_DATABASE (database);

  return g_tls_database_create_certificate_handle (self->system, certificate);
}

static void
ferry_tls_database_finalize (GObject *object)
{
  FerryTlsDatabase *self = FERRY_TLS_DATABASE (object);

  g_clear_object (&self->system);
  g_clear_object (&self->extra);

  G_OBJECT_CLASS (ferry_tls_database_parent_class)->finalize (object);
}

static void
ferry_tls_database_class_init (FerryTlsDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GTlsDatabaseClass *database_class = G_TLS_DATABASE_CLASS (klass);

  object_class->finalize = ferry_tls_database_finalize;
  database_class->verify_chain = ferry_tls_database_verify_chain;
  database_class->create_certificate_handle = ferry_tls_database_create_certificate_handle;
}

static void
ferry_tls_database_init (FerryTlsDatabase *self)
{
}

/**
 * ferry_tls_database_new:
 * @extra_ca_file: a PEM file of CA certificates to trust besides the system's
 *
 * Returns: (transfer full): the database, or %NULL with @error when the file cannot be read
 */
GTlsDatabase *
ferry_tls_database_new (const char  *extra_ca_file,
                        GError     **error)
{
  g_autoptr(FerryTlsDatabase) self = NULL;
  GTlsBackend *backend = g_tls_backend_get_default ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (extra_ca_file != NULL, NULL);

  self = g_object_new (FERRY_TYPE_TLS_DATABASE, NULL);
  self->system = g_tls_backend_get_default_database (backend);
  self->extra = g_tls_file_database_new (extra_ca_file, &local_error);
  if (self->extra == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: the first %s is a file name, the second why it failed */
                   _("The certificate file “%s” could not be used: %s"), extra_ca_file,
                   local_error->message);
      return NULL;
    }
  return G_TLS_DATABASE (g_steal_pointer (&self));
}

/**
 * ferry_tls_database_get_default:
 *
 * The system's store, plus $FERRY_CA_FILE when it is set.
 *
 * Returns: (transfer full): the database to verify servers with
 */
GTlsDatabase *
ferry_tls_database_get_default (GError **error)
{
  const char *extra = g_getenv ("FERRY_CA_FILE");

  static GMutex lock;
  static GTlsDatabase *cached;
  static char *cached_key;
  g_autofree char *key = NULL;
  GTlsDatabase *database;
  GStatBuf st;

  if (extra == NULL || extra[0] == '\0')
    return g_tls_backend_get_default_database (g_tls_backend_get_default ());

  /* Reading the system's store and the file costs ~15 ms of CPU (glib-networking parses
   * every certificate), and every client, probe and sign-in asks: made once per file, and
   * made again only when the file changes. */
  if (g_stat (extra, &st) == 0)
    key = g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT, extra,
                           (gint64) st.st_mtime, (gint64) st.st_size);
  g_mutex_lock (&lock);
  if (key != NULL && cached != NULL && g_strcmp0 (key, cached_key) == 0)
    {
      database = g_object_ref (cached);
      g_mutex_unlock (&lock);
      return database;
    }
  database = ferry_tls_database_new (extra, error);
  if (database != NULL && key != NULL)
    {
      g_set_object (&cached, database);
      g_free (cached_key);
      cached_key = g_steal_pointer (&key);
    }
  g_mutex_unlock (&lock);
  return database;
}
