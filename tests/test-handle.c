/* test-handle.c: every way people write an account address
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ferry-handle.h"

typedef struct
{
  const char *text;
  const char *username;
  const char *host;
  const char *display;
} Good;

static void
test_good (void)
{
  static const Good cases[] = {
    { "@alice@mastodon.social", "alice", "mastodon.social", "@alice@mastodon.social" },
    { "alice@mastodon.social", "alice", "mastodon.social", "@alice@mastodon.social" },
    { "  @Alice@Mastodon.Social  ", "Alice", "mastodon.social", "@Alice@mastodon.social" },
    { "acct:bob@example.org", "bob", "example.org", "@bob@example.org" },
    { "https://mastodon.social/@alice", "alice", "mastodon.social", "@alice@mastodon.social" },
    { "https://mastodon.social/@alice/", "alice", "mastodon.social", "@alice@mastodon.social" },
    { "https://mastodon.social/@alice/1099", "alice", "mastodon.social", "@alice@mastodon.social" },
    { "https://gts.example/users/bob", "bob", "gts.example", "@bob@gts.example" },
    { "https://mastodon.social/@carol@other.example", "carol", "other.example", "@carol@other.example" },
    { "dana@bücher.example", "dana", "xn--bcher-kva.example", "@dana@bücher.example" },
    { "https://bücher.example/@dana", "dana", "xn--bcher-kva.example", "@dana@bücher.example" },
    { "eve@127.0.0.1:8443", "eve", "127.0.0.1:8443", "@eve@127.0.0.1:8443" },
    { "frank.smith@social.example.", "frank.smith", "social.example", "@frank.smith@social.example" },
    { "g_h-i@localhost:3000", "g_h-i", "localhost:3000", "@g_h-i@localhost:3000" },
    /* #24: profile addresses as pasted, with or without their scheme. */
    { "gts-a.test/@alice", "alice", "gts-a.test", "@alice@gts-a.test" },
    { "https://gts-a.test/@alice", "alice", "gts-a.test", "@alice@gts-a.test" },
    { "https://mastodon.example/users/alice", "alice", "mastodon.example", "@alice@mastodon.example" },
    { "mastodon.example/users/alice", "alice", "mastodon.example", "@alice@mastodon.example" },
    { "gts-a.test/@alice/", "alice", "gts-a.test", "@alice@gts-a.test" },
    { "mastodon.social/@carol@other.example", "carol", "other.example", "@carol@other.example" },
    { "127.0.0.1:8443/@eve", "eve", "127.0.0.1:8443", "@eve@127.0.0.1:8443" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FerryHandle) handle = ferry_handle_parse (cases[i].text, 0, &error);
      g_autofree char *display = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (handle->username, ==, cases[i].username);
      g_assert_cmpstr (handle->host, ==, cases[i].host);
      display = ferry_handle_to_display (handle);
      g_assert_cmpstr (display, ==, cases[i].display);
    }
}

static void
test_server_only (void)
{
  static const char *servers[] = { "mastodon.social", "https://mastodon.social",
                                   "https://mastodon.social/", "mastodon.social/",
                                   "127.0.0.1:4443" };

  for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FerryHandle) handle = ferry_handle_parse (servers[i], FERRY_HANDLE_PARSE_SERVER_ONLY,
                                                          &error);

      g_assert_no_error (error);
      g_assert_null (handle->username);
      g_assert_true (g_str_equal (handle->host, "mastodon.social") ||
                     g_str_equal (handle->host, "127.0.0.1:4443"));
    }

  /* Without the flag a server alone is not an account. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (ferry_handle_parse ("https://mastodon.social", 0, &error));
    g_assert_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_NO_USERNAME);
  }
}

static void
test_bad (void)
{
  static const struct { const char *text; int code; } cases[] = {
    { "", FERRY_HANDLE_ERROR_EMPTY },
    { "   ", FERRY_HANDLE_ERROR_EMPTY },
    { "@alice", FERRY_HANDLE_ERROR_BAD_SERVER },
    { "alice@", FERRY_HANDLE_ERROR_BAD_SERVER },
    { "@@mastodon.social", FERRY_HANDLE_ERROR_BAD_USERNAME },
    { "al ice@mastodon.social", FERRY_HANDLE_ERROR_BAD_USERNAME },
    { "alice@bob@mastodon.social", FERRY_HANDLE_ERROR_BAD_SERVER },
    { "alice@mastodon", FERRY_HANDLE_ERROR_BAD_SERVER },
    { "alice@-bad-.example", FERRY_HANDLE_ERROR_BAD_SERVER },
    { "alice@exa mple.org", FERRY_HANDLE_ERROR_BAD_SERVER },
    { "alice@example.org:0", FERRY_HANDLE_ERROR_BAD_PORT },
    { "alice@example.org:99999", FERRY_HANDLE_ERROR_BAD_PORT },
    { "alice@example.org:", FERRY_HANDLE_ERROR_BAD_PORT },
    { "https://", FERRY_HANDLE_ERROR_BAD_SERVER },
    { "https://mastodon.social/@bad name", FERRY_HANDLE_ERROR_BAD_USERNAME },
    { "alice@e.xn--iZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", FERRY_HANDLE_ERROR_BAD_SERVER },
    /* A path is never part of a name, and a server alone with a path is not an account. */
    { "gts-a.test/@", FERRY_HANDLE_ERROR_NO_USERNAME },
    { "gts-a.test/about", FERRY_HANDLE_ERROR_NO_USERNAME },
    { "gts-a.test/@bad name", FERRY_HANDLE_ERROR_BAD_USERNAME },
    { "not a host/@alice", FERRY_HANDLE_ERROR_BAD_SERVER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FerryHandle) handle = ferry_handle_parse (cases[i].text, FERRY_HANDLE_PARSE_DEFAULT,
                                                          &error);

      if (handle != NULL)
        g_error ("“%s” was accepted as %s@%s", cases[i].text, handle->username, handle->host);
      g_assert_error (error, FERRY_HANDLE_ERROR, cases[i].code);
      /* The message is for a person: it names what was wrong. */
      g_assert_true (g_utf8_strlen (error->message, -1) > 10);
    }
}

/* #24: the old words, "“gts-a.test/” is not a valid account name", are gone; a pasted
 * profile address with a server only is taken as that server where a server will do. */
static void
test_profile_address (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryHandle) server = ferry_handle_parse ("gts-a.test/@alice", FERRY_HANDLE_PARSE_SERVER_ONLY,
                                                      &error);
  g_autoptr(FerryHandle) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (server->host, ==, "gts-a.test");
  g_assert_cmpstr (server->username, ==, "alice");
  bad = ferry_handle_parse ("gts-a.test/about", 0, &error);
  g_assert_null (bad);
  g_assert_nonnull (strstr (error->message, "“gts-a.test/about”"));
  g_assert_null (strstr (error->message, "https://"));
  g_assert_null (strstr (error->message, "account name"));
}

/* Found by the fuzzer: punycode that decodes to no text. */
static void
test_bad_punycode (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryHandle) handle = ferry_handle_parse ("e.xn--iZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
                                                      FERRY_HANDLE_PARSE_SERVER_ONLY, &error);

  g_assert_null (handle);
  g_assert_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_BAD_SERVER);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_equal_and_copy (void)
{
  g_autoptr(FerryHandle) a = ferry_handle_parse ("@Alice@Mastodon.Social", 0, NULL);
  g_autoptr(FerryHandle) b = ferry_handle_parse ("https://mastodon.social/@alice", 0, NULL);
  g_autoptr(FerryHandle) c = ferry_handle_copy (a);
  g_autoptr(FerryHandle) d = ferry_handle_parse ("alice@other.example", 0, NULL);
  g_autofree char *text = ferry_handle_to_string (c);
  g_autofree char *url = ferry_handle_get_base_url (d);

  g_assert_true (ferry_handle_equal (a, b));
  g_assert_true (ferry_handle_equal (a, c));
  g_assert_false (ferry_handle_equal (a, d));
  g_assert_cmpstr (text, ==, "Alice@mastodon.social");
  g_assert_cmpstr (url, ==, "https://other.example");
}

/* One rule for backup, transfer and move: names compare in any case, hosts are stored
 * normalised (Mastodon's AccountFinder and TagManager#normalize_domain), names keep their case
 * in the written form (Mastodon's CSV export writes them as stored). */
static void
test_acct (void)
{
  static const struct { const char *acct, *local, *written, *key; } cases[] = {
    { "Alice@Mastodon.Social", NULL, "Alice@mastodon.social", "alice@mastodon.social" },
    { "@Alice@Mastodon.Social.", NULL, "Alice@mastodon.social", "alice@mastodon.social" },
    { "Bob", "Example.COM", "Bob@example.com", "bob@example.com" },
    { "bob@bücher.example", NULL, "bob@xn--bcher-kva.example", "bob@xn--bcher-kva.example" },
    { "carol@127.0.0.1:8443", NULL, "carol@127.0.0.1:8443", "carol@127.0.0.1:8443" },
    { "dave", "gts-a.test:8443", "dave@gts-a.test:8443", "dave@gts-a.test:8443" },
    { "dave", NULL, NULL, NULL },
    { "@", "example.com", NULL, NULL },
    { "", "example.com", NULL, NULL },
    { "@example.com", NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *written = ferry_handle_normalize_acct (cases[i].acct, cases[i].local);
      g_autofree char *key = ferry_handle_acct_key (cases[i].acct, cases[i].local);

      g_assert_cmpstr (written, ==, cases[i].written);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
  g_assert_null (ferry_handle_normalize_acct (NULL, "example.com"));
  g_assert_true (ferry_handle_acct_equal ("Alice@Mastodon.social", "@alice@mastodon.SOCIAL"));
  g_assert_true (ferry_handle_acct_equal ("bob@bücher.example", "BOB@xn--bcher-kva.example"));
  g_assert_false (ferry_handle_acct_equal ("alice@mastodon.social", "alice@mastodon.online"));
  g_assert_false (ferry_handle_acct_equal ("alice", "alice"));   /* no server: not an address */

  {
    g_autoptr(FerryHandle) a = ferry_handle_parse ("@Alice@Mastodon.Social", 0, NULL);
    g_autofree char *key = ferry_handle_to_key (a);
    g_autofree char *from_acct = ferry_handle_acct_key ("Alice@mastodon.social", NULL);

    g_assert_cmpstr (key, ==, from_acct);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handle/good", test_good);
  g_test_add_func ("/handle/server-only", test_server_only);
  g_test_add_func ("/handle/bad", test_bad);
  g_test_add_func ("/handle/bad-punycode", test_bad_punycode);
  g_test_add_func ("/handle/profile-address", test_profile_address);
  g_test_add_func ("/handle/equal-and-copy", test_equal_and_copy);
  g_test_add_func ("/handle/acct", test_acct);

  return g_test_run ();
}
