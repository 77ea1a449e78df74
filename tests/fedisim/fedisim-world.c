/* fedisim-world.c: the clock, the test CA, the follow graph and federation
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fedisim-private.h"

/* The virtual clock starts here, so that fixtures and day boundaries are reproducible. */
#define FS_BASE_TIME G_GINT64_CONSTANT (1793491200)  /* 2026-11-01T00:00:00Z */

typedef struct
{
  FsActor *origin;
  FsActor *target;
} FsDelivery;

static gboolean
run_openssl (const char  *dir,
             const char **argv,
             GError     **error)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (!g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "openssl %s failed: %s", argv[1], err);
      return FALSE;
    }
  return TRUE;
}

/* A CA of the test run's own, and a certificate for 127.0.0.1 signed by it. Clients trust
 * the CA through fedisim_world_get_tls_database(); nothing turns verification off. */
static gboolean
make_certificates (FedisimWorld  *world,
                   GError       **error)
{
  const char *ca[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                       "ec_paramgen_curve:prime256v1", "-nodes", "-days", "3",
                       "-subj", "/CN=fedisim test CA", "-keyout", "ca.key", "-out", "ca.pem",
                       "-addext", "basicConstraints=critical,CA:TRUE",
                       "-addext", "keyUsage=critical,keyCertSign,cRLSign", NULL };
  const char *csr[] = { "openssl", "req", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1",
                        "-keyout", "server.key", "-out", "server.csr", NULL };
  const char *sign[] = { "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem",
                         "-CAkey", "ca.key", "-CAcreateserial", "-days", "3",
                         "-out", "server.pem", "-extfile", "server.ext", NULL };
  g_autofree char *ext = g_build_filename (world->tmpdir, "server.ext", NULL);
  g_autofree char *cert = g_build_filename (world->tmpdir, "server.pem", NULL);
  g_autofree char *key = g_build_filename (world->tmpdir, "server.key", NULL);

  if (!g_file_set_contents (ext,
                            "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                            "basicConstraints=CA:FALSE\n"
                            "keyUsage=digitalSignature,keyEncipherment\n"
                            "extendedKeyUsage=serverAuth\n", -1, error))
    return FALSE;

  if (!run_openssl (world->tmpdir, ca, error) ||
      !run_openssl (world->tmpdir, csr, error) ||
      !run_openssl (world->tmpdir, sign, error))
    return FALSE;

  world->ca_file = g_build_filename (world->tmpdir, "ca.pem", NULL);
  world->certificate = g_tls_certificate_new_from_files (cert, key, error);
  if (world->certificate == NULL)
    return FALSE;
  world->database = g_tls_file_database_new (world->ca_file, error);
  return world->database != NULL;
}

static FedisimWorld *
world_new (void)
{
  FedisimWorld *world = g_new0 (FedisimWorld, 1);

  world->servers = g_ptr_array_new_with_free_func ((GDestroyNotify) fs_server_free);
  world->follows = g_ptr_array_new ();
  world->peers = g_ptr_array_new ();
  world->follow_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  world->deliveries = g_queue_new ();
  world->base_time = FS_BASE_TIME;
  world->real_start = g_get_monotonic_time ();
  world->next_row_id = 100000;
  world->tmpdir = g_dir_make_tmp ("fedisim-XXXXXX", NULL);

  return world;
}

/**
 * fedisim_world_new:
 *
 * A world whose servers answer HTTPS with a certificate from the run's own CA.
 */
FedisimWorld *
fedisim_world_new (GError **error)
{
  FedisimWorld *world = world_new ();

  if (world->tmpdir == NULL || !make_certificates (world, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no temporary directory");
      fedisim_world_free (world);
      return NULL;
    }

  return world;
}

/**
 * fedisim_world_new_plain_http:
 *
 * A world whose servers answer plain http: only for trying Ferry by hand.
 */
FedisimWorld *
fedisim_world_new_plain_http (void)
{
  FedisimWorld *world = world_new ();

  world->plain_http = TRUE;
  return world;
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
follow_free (FsFollow *follow)
{
  g_clear_pointer (&follow->languages, g_ptr_array_unref);
  g_free (follow);
}

/* Lets what is under way on this thread's main loop finish (cancelled requests of clients in
 * the same process, their connections closing) before the servers go: soup_server_disconnect()
 * closes each connection synchronously, and a TLS close waits for a handshake that only this
 * thread could complete. Until 100 ms pass with nothing to do, 2 s at most. */
static void
settle (void)
{
  gint64 quiet_since = g_get_monotonic_time ();
  gint64 deadline = quiet_since + 2 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if (g_main_context_iteration (NULL, FALSE))
        quiet_since = g_get_monotonic_time ();
      else if (g_get_monotonic_time () - quiet_since > 100 * 1000)
        break;
      else
        g_usleep (5000);
    }
}

void
fedisim_world_free (FedisimWorld *world)
{
  if (world == NULL)
    return;

  settle ();

  g_clear_handle_id (&world->delivery_source, g_source_remove);
  g_queue_free_full (world->deliveries, g_free);
  g_ptr_array_unref (world->peers);
  g_ptr_array_unref (world->servers);
  g_ptr_array_foreach (world->follows, (GFunc) follow_free, NULL);
  g_ptr_array_unref (world->follows);
  g_clear_pointer (&world->awaiting, g_ptr_array_unref);
  g_hash_table_unref (world->follow_index);
  g_clear_object (&world->certificate);
  g_clear_object (&world->database);
  if (world->tmpdir != NULL)
    rm_rf (world->tmpdir);
  g_free (world->tmpdir);
  g_free (world->ca_file);
  g_free (world);
}

GTlsDatabase *
fedisim_world_get_tls_database (FedisimWorld *world)
{
  return world->database;
}

const char *
fedisim_world_get_ca_file (FedisimWorld *world)
{
  return world->ca_file;
}

/* Virtual time: the base, plus what tests added, plus real time passing. */
gint64
fedisim_world_now (FedisimWorld *world)
{
  return world->base_time + world->time_offset +
         (g_get_monotonic_time () - world->real_start) / G_USEC_PER_SEC;
}

/* Multiplies the request throttles (per token, user, IP, paging), for runs that measure
 * something else than the limits: benchmarks, and resume tests in real time. Mastodon's
 * follow limit and the others stay. */
void
fedisim_world_set_limit_factor (FedisimWorld *world,
                                guint         factor)
{
  world->limit_factor = MAX (factor, 1);
}

void
fedisim_world_advance (FedisimWorld *world,
                       gint64        seconds)
{
  world->time_offset += seconds;
}

void
fedisim_world_set_time (FedisimWorld *world,
                        gint64        unix_seconds)
{
  world->time_offset += unix_seconds - fedisim_world_now (world);
}

FedisimServer *
fedisim_world_add_server (FedisimWorld   *world,
                          FedisimFlavour  flavour,
                          const char     *version,
                          GError        **error)
{
  FedisimServer *server = fs_server_new (world, flavour, version, error);

  if (server != NULL)
    g_ptr_array_add (world->servers, server);
  return server;
}

FedisimServer *
fedisim_world_find_server (FedisimWorld *world,
                           const char   *host)
{
  for (guint i = 0; i < world->servers->len; i++)
    {
      FedisimServer *server = g_ptr_array_index (world->servers, i);

      if (g_ascii_strcasecmp (server->host, host) == 0)
        return server;
    }
  return NULL;
}

guint64
fs_world_next_row_id (FedisimWorld *world)
{
  return world->next_row_id++;
}

FsActor *
fs_world_find_actor (FedisimWorld *world,
                     const char   *uri)
{
  for (guint i = 0; i < world->servers->len; i++)
    {
      FedisimServer *server = g_ptr_array_index (world->servers, i);

      if (!g_str_has_prefix (uri, server->base_url))
        continue;
      for (guint j = 0; j < server->actors->len; j++)
        {
          FsActor *actor = g_ptr_array_index (server->actors, j);

          if (g_str_equal (actor->uri, uri))
            return actor;
        }
    }
  return NULL;
}

/* WebFinger between fedisim servers, in-process: "user@host", "@user@host". A server
 * that is stopped does not answer. */
FsActor *
fs_world_resolve_handle (FedisimWorld *world,
                         const char   *handle)
{
  g_auto(GStrv) parts = NULL;
  FedisimServer *server;

  if (handle == NULL)
    return NULL;
  if (handle[0] == '@')
    handle++;
  if (g_str_has_prefix (handle, "https://") || g_str_has_prefix (handle, "http://"))
    return fs_world_find_actor (world, handle);

  parts = g_strsplit (handle, "@", 2);
  if (parts[0] == NULL || parts[1] == NULL)
    return NULL;
  server = fedisim_world_find_server (world, parts[1]);
  if (server == NULL || server->soup == NULL)
    return NULL;
  return fs_server_find_local (server, parts[0]);
}

FsStatus *
fs_world_find_status (FedisimWorld *world,
                      const char   *uri)
{
  for (guint i = 0; i < world->servers->len; i++)
    {
      FedisimServer *server = g_ptr_array_index (world->servers, i);

      if (!g_str_has_prefix (uri, server->base_url) || server->soup == NULL)
        continue;
      for (guint j = 0; j < server->actors->len; j++)
        {
          FsActor *actor = g_ptr_array_index (server->actors, j);

          for (guint k = 0; k < actor->statuses->len; k++)
            {
              FsStatus *status = g_ptr_array_index (actor->statuses, k);

              if (g_str_equal (status->uri, uri))
                return status;
            }
        }
    }
  return NULL;
}

static char *
follow_key (FsActor *from,
            FsActor *to)
{
  return g_strdup_printf ("%p>%p", (void *) from, (void *) to);
}

FsFollow *
fs_world_find_follow (FedisimWorld *world,
                      FsActor      *from,
                      FsActor      *to)
{
  g_autofree char *key = follow_key (from, to);

  return g_hash_table_lookup (world->follow_index, key);
}

/* Records a follow on both sides, as federation would: each server learns the other actor. */
FsFollow *
fs_world_add_follow (FedisimWorld *world,
                     FsActor      *from,
                     FsActor      *to)
{
  FsFollow *follow = fs_world_find_follow (world, from, to);

  if (follow != NULL)
    return follow;

  follow = g_new0 (FsFollow, 1);
  follow->id = fs_world_next_row_id (world);
  follow->from = from;
  follow->to = to;
  follow->reblogs = TRUE;
  follow->pending = to->locked;

  g_ptr_array_add (world->follows, follow);
  g_hash_table_insert (world->follow_index, follow_key (from, to), follow);
  g_ptr_array_add (from->following, follow);
  g_ptr_array_add (to->followers, follow);
  fs_server_id_for (from->home, to);
  fs_server_id_for (to->home, from);

  return follow;
}

void
fs_world_remove_follow (FedisimWorld *world,
                        FsFollow     *follow)
{
  g_autofree char *key = follow_key (follow->from, follow->to);

  g_hash_table_remove (world->follow_index, key);
  if (world->awaiting != NULL)
    g_ptr_array_remove (world->awaiting, follow);
  g_ptr_array_remove (follow->from->following, follow);
  g_ptr_array_remove (follow->to->followers, follow);

  /* Lists may only hold accounts that are followed. */
  for (guint i = 0; i < follow->from->lists->len; i++)
    {
      FsList *list = g_ptr_array_index (follow->from->lists, i);

      g_ptr_array_remove (list->members, follow->to);
    }

  g_ptr_array_remove (world->follows, follow);
  follow_free (follow);
}

guint
fs_world_count_follows (FedisimWorld *world,
                        FsActor      *actor,
                        gboolean      followers)
{
  GPtrArray *edges = followers ? actor->followers : actor->following;
  guint n = 0;

  for (guint i = 0; i < edges->len; i++)
    {
      FsFollow *follow = g_ptr_array_index (edges, i);

      if (!follow->pending)
        n++;
    }
  return n;
}

static gboolean deliver_cb (gpointer user_data);

void
fs_world_deliver_move (FedisimWorld *world,
                       FsActor      *origin,
                       FsActor      *target)
{
  FsDelivery *delivery = g_new0 (FsDelivery, 1);

  delivery->origin = origin;
  delivery->target = target;
  g_queue_push_tail (world->deliveries, delivery);

  /* Delivered shortly after, on the main loop, as the servers' queues would. */
  if (world->delivery_source == 0)
    world->delivery_source = g_timeout_add (200, deliver_cb, world);
}

static gboolean
list_has (GPtrArray  *uris,
          const char *uri)
{
  for (guint i = 0; uris != NULL && i < uris->len; i++)
    if (g_str_equal (g_ptr_array_index (uris, i), uri))
      return TRUE;
  return FALSE;
}

/* Whether a follower's server acts on this Move: not a legacy server, not down, and not a
 * repeat from the same origin within 7 days (Mastodon's PROCESSING_COOLDOWN). */
static gboolean
server_accepts_move (FedisimServer *server,
                     FsActor       *origin,
                     gint64         now)
{
  gpointer seen;

  if (server->flavour == FEDISIM_FLAVOUR_LEGACY || server->soup == NULL)
    return FALSE;

  if (g_hash_table_lookup_extended (server->seen_moves, origin->uri, NULL, &seen) &&
      now - (gint64) GPOINTER_TO_SIZE (seen) < FS_MOVE_REPLAY_BLOCK)
    return FALSE;

  g_hash_table_insert (server->seen_moves, g_strdup (origin->uri),
                       GSIZE_TO_POINTER ((gsize) now));
  return TRUE;
}

/* What a follower's server does with an incoming Move (api-facts §7): check that the target
 * names the origin in alsoKnownAs, then re-follow the target with the same options and list
 * memberships, and unfollow the origin. Followers on servers that ignore it stay behind. */
static void
process_move (FedisimWorld *world,
              FsDelivery   *delivery)
{
  FsActor *origin = delivery->origin;
  FsActor *target = delivery->target;
  g_autoptr(GPtrArray) edges = g_ptr_array_copy (origin->followers, NULL, NULL);
  g_autoptr(GHashTable) accepting = g_hash_table_new (NULL, NULL);
  gint64 now = fedisim_world_now (world);

  /* The target is fetched afresh: a suspended one, or one that does not alias the origin,
   * makes every server drop the Move silently. */
  if (target->suspended || target->moved_to != NULL ||
      !list_has (target->also_known_as, origin->uri))
    return;

  for (guint i = 0; i < world->servers->len; i++)
    {
      FedisimServer *server = g_ptr_array_index (world->servers, i);

      if (server_accepts_move (server, origin, now))
        g_hash_table_add (accepting, server);
    }

  for (guint i = 0; i < edges->len; i++)
    {
      FsFollow *old = g_ptr_array_index (edges, i);
      FsActor *follower = old->from;
      FedisimServer *server = follower->home;
      FsFollow *follow;

      if (old->pending || !g_hash_table_contains (accepting, server))
        continue;
      if (server->flavour == FEDISIM_FLAVOUR_AKKOMA && !follower->allow_following_move)
        continue;

      follow = fs_world_find_follow (world, follower, target);
      if (follow == NULL)
        {
          follow = fs_world_add_follow (world, follower, target);
          /* bypass_locked only when the target is local to the follower's server. */
          follow->pending = target->locked && target->home != server;
        }
      follow->reblogs = old->reblogs;
      follow->notify = old->notify;
      g_clear_pointer (&follow->languages, g_ptr_array_unref);
      if (old->languages != NULL)
        follow->languages = g_ptr_array_ref (old->languages);

      for (guint l = 0; l < follower->lists->len; l++)
        {
          FsList *list = g_ptr_array_index (follower->lists, l);

          if (g_ptr_array_find (list->members, origin, NULL) &&
              !g_ptr_array_find (list->members, target, NULL))
            g_ptr_array_add (list->members, target);
        }

      fs_world_remove_follow (world, old);
    }
}

static gboolean
deliver_cb (gpointer user_data)
{
  FedisimWorld *world = user_data;

  world->delivery_source = 0;
  fedisim_world_run_until_idle (world);
  return G_SOURCE_REMOVE;
}

/**
 * fedisim_world_run_until_idle:
 *
 * Delivers everything federation has queued (Moves), as the servers' workers would.
 */
void
fedisim_world_run_until_idle (FedisimWorld *world)
{
  FsDelivery *delivery;

  while ((delivery = g_queue_pop_head (world->deliveries)) != NULL)
    {
      process_move (world, delivery);
      g_free (delivery);
    }
}
