/* test-secrets.c: tokens in the keyring (a real gnome-keyring on a private bus), and nowhere
 * else
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <libsecret/secret.h>

#include "ferry-keyring-store.h"
#include "ferry-memory-store.h"

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
round_trip (FerrySecretStore *store,
            GError          **error)
{
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GAsyncResult) found = NULL;
  g_autoptr(GAsyncResult) other = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autoptr(GAsyncResult) gone = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *none = NULL;
  g_autofree char *after = NULL;

  {
    /* Keys as callers give them: freed as soon as the call returns. */
    g_autofree char *key = g_strdup ("alice@old.example");

    ferry_secret_store_store_async (store, FERRY_SECRET_TOKEN, key, "Ferry: @alice@old.example",
                                    "tok-SECRET-4711", NULL, got_result, &stored);
  }
  if (!ferry_secret_store_store_finish (store, await (&stored), error))
    return;

  ferry_secret_store_lookup_async (store, FERRY_SECRET_TOKEN, "alice@old.example", NULL, got_result, &found);
  secret = ferry_secret_store_lookup_finish (store, await (&found), error);
  g_assert_no_error (*error);
  g_assert_cmpstr (secret, ==, "tok-SECRET-4711");

  /* The client registration of the same name is another item. */
  ferry_secret_store_lookup_async (store, FERRY_SECRET_CLIENT, "alice@old.example", NULL, got_result, &other);
  none = ferry_secret_store_lookup_finish (store, await (&other), error);
  g_assert_no_error (*error);
  g_assert_null (none);

  ferry_secret_store_clear_async (store, FERRY_SECRET_TOKEN, "alice@old.example", NULL, got_result, &cleared);
  g_assert_true (ferry_secret_store_clear_finish (store, await (&cleared), error));
  ferry_secret_store_lookup_async (store, FERRY_SECRET_TOKEN, "alice@old.example", NULL, got_result, &gone);
  after = ferry_secret_store_lookup_finish (store, await (&gone), error);
  g_assert_no_error (*error);
  g_assert_null (after);
}

static void
test_memory (void)
{
  g_autoptr(FerrySecretStore) store = ferry_memory_store_new ();
  g_autoptr(GError) error = NULL;

  round_trip (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_memory_store_size (FERRY_MEMORY_STORE (store)), ==, 0);
}

static gboolean
file_contains (const char *dir,
               const char *needle)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (file_contains (path, needle))
            return TRUE;
        }
      else if (g_file_get_contents (path, &contents, &len, NULL) &&
               g_strstr_len (contents, len, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_keyring (void)
{
  g_autoptr(FerrySecretStore) store = ferry_keyring_store_new ();
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *root = g_getenv ("FERRY_TEST_XDG_ROOT");

  round_trip (store, &error);
  if (error != NULL && g_getenv ("FERRY_REQUIRE_SECRETS") == NULL)
    {
      g_test_skip_printf ("no keyring here: %s", error->message);
      return;
    }
  g_assert_no_error (error);

  /* Stored again: in the keyring's file it is encrypted, and nowhere in plain text. */
  ferry_secret_store_store_async (store, FERRY_SECRET_TOKEN, "bob@new.example", "Ferry: @bob@new.example",
                                  "tok-PLAINTEXT-CHECK-9876", NULL, got_result, &stored);
  g_assert_true (ferry_secret_store_store_finish (store, await (&stored), &error));
  g_assert_nonnull (root);
  g_assert_false (file_contains (root, "tok-PLAINTEXT-CHECK-9876"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secrets/memory", test_memory);
  g_test_add_func ("/secrets/keyring", test_keyring);

  {
    int ret = g_test_run ();

    /* libsecret keeps its service connection for the process; let it go for the leak check. */
    secret_service_disconnect ();
    return ret;
  }
}
