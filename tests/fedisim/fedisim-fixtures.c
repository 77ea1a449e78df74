/* fedisim-fixtures.c: deterministic data sets for tests and benchmarks
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "small": a few of everything, over 4 peer servers (one of each flavour).
 * "medium": 1,000 following and about 5,000 other things to re-create (1,000 blocks, 1,000
 *          mutes, 50 lists of up to 20 members, 2,000 bookmarks, notes, tags, filters), over
 *          20 servers: the transfer's benchmark and day plan.
 * "large": 10,000 following, 5,000 followers over 200 servers, 1,000 blocks, 1,000 mutes,
 *          50 lists of up to 300 members, 2,000 bookmarks, 10,000 statuses with 1,000 media.
 * The same name always gives the same data.
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

typedef struct
{
  guint n_servers;
  guint following;
  guint followers;
  guint mutuals;
  guint blocks;
  guint mutes;
  guint domain_blocks;
  guint lists;
  guint list_members;
  guint bookmarks;
  guint favourites;
  guint followed_tags;
  guint featured_tags;
  guint filters;
  guint notes;
  guint endorsements;
  guint statuses;
  guint media_every;
} FsFixture;

static const FsFixture small = { 4, 12, 8, 4, 3, 3, 2, 3, 4, 5, 3, 3, 2, 2, 2, 2, 30, 6 };
static const FsFixture medium = { 20, 1000, 500, 250, 1000, 1000, 20, 50, 20, 2000, 100,
                                  20, 5, 10, 100, 10, 100, 10 };
static const FsFixture large = { 200, 10000, 5000, 2500, 1000, 1000, 20, 50, 300, 2000, 500,
                                 20, 5, 10, 100, 10, 10000, 10 };

/* Most servers are Mastodon; some GoToSocial and Akkoma; a few ignore Move (legacy). */
static FedisimFlavour
peer_flavour (guint i)
{
  switch (i % 20)
    {
    case 1:
    case 11:
      return FEDISIM_FLAVOUR_GOTOSOCIAL;
    case 5:
      return FEDISIM_FLAVOUR_AKKOMA;
    case 19:
      return FEDISIM_FLAVOUR_LEGACY;
    default:
      return FEDISIM_FLAVOUR_MASTODON;
    }
}

static FedisimServer *
peer (FedisimWorld *world,
      guint         i)
{
  while (world->peers->len <= i)
    {
      guint n = world->peers->len;
      FedisimFlavour flavour = n < 4 ? (FedisimFlavour) ((n + 0) % 4) : peer_flavour (n);
      g_autoptr(GError) error = NULL;
      FedisimServer *server = fedisim_world_add_server (world, flavour, NULL, &error);

      if (server == NULL)
        g_error ("fedisim: could not start a peer server: %s", error->message);
      g_ptr_array_add (world->peers, server);
    }
  return g_ptr_array_index (world->peers, i);
}

static FsActor *
peer_actor (FedisimWorld *world,
            guint         n_servers,
            const char   *prefix,
            guint         k)
{
  FedisimServer *server = peer (world, k % n_servers);
  g_autofree char *name = g_strdup_printf ("%s%05u", prefix, k);
  FsActor *actor = fs_server_find_local (server, name);

  if (actor == NULL)
    {
      actor = fs_server_create_actor (server, name, NULL);
      g_free (actor->display_name);
      actor->display_name = g_strdup_printf ("%c%s %u", g_ascii_toupper (prefix[0]), prefix + 1, k);
    }
  return actor;
}

/* Image bytes that are the same on every run: a PNG signature, then a pattern. */
static GBytes *
fake_image (GRand *rand,
            gsize  size)
{
  guint8 *data = g_malloc (size);
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  memcpy (data, signature, MIN (size, sizeof signature));
  return g_bytes_new_take (data, size);
}

static void
profile (FsActor *me,
         GRand   *rand)
{
  static const char *names[] = { "Website", "Pronouns", "Languages", "Location" };
  static const char *values[] = { "https://example.org", "they/them", "English, Deutsch", "Lisbon" };

  g_free (me->display_name);
  me->display_name = g_strdup ("Alice Example 🦊");
  g_free (me->note);
  me->note = g_strdup ("Moving servers, carefully.\n\nWrites about boats & <code>.");
  g_ptr_array_set_size (me->fields, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      FsField *field = g_new0 (FsField, 1);

      field->name = g_strdup (names[i]);
      field->value = g_strdup (values[i]);
      g_ptr_array_add (me->fields, field);
    }
  g_clear_pointer (&me->avatar, g_bytes_unref);
  me->avatar = fake_image (rand, 12 * 1024);
  g_free (me->avatar_type);
  me->avatar_type = g_strdup ("image/png");
  g_clear_pointer (&me->header, g_bytes_unref);
  me->header = fake_image (rand, 40 * 1024);
  g_free (me->header_type);
  me->header_type = g_strdup ("image/png");
  g_free (me->privacy);
  me->privacy = g_strdup ("unlisted");
  g_free (me->language);
  me->language = g_strdup ("de");
  me->sensitive = TRUE;
}

void
fs_fixture_generate (FedisimServer *server,
                     FsActor       *me,
                     const char    *name)
{
  const FsFixture *f = g_str_equal (name, "large") ? &large :
                       g_str_equal (name, "medium") ? &medium : &small;
  FedisimWorld *world = server->world;
  g_autoptr(GRand) rand = g_rand_new_with_seed (f == &large ? 4242 : 42);
  g_autoptr(GPtrArray) followed = g_ptr_array_new ();
  gint64 now = fedisim_world_now (world);
  static const char *visibilities[] = { "public", "public", "unlisted", "private", "direct" };
  static const char *policies[] = { "list", "followed", "none" };
  static const char *contexts[] = { "home", "notifications", "public", "thread", "account" };

  profile (me, rand);

  /* Following, with the options the CSV carries. Some followed accounts are locked (the
   * follow was accepted earlier), a few have moved, one is suspended. */
  for (guint k = 0; k < f->following; k++)
    {
      FsActor *to = peer_actor (world, f->n_servers, "f", k);
      FsFollow *follow = fs_world_add_follow (world, me, to);

      follow->reblogs = k % 7 != 3;
      follow->notify = k % 11 == 5;
      if (k % 13 == 4)
        {
          follow->languages = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (follow->languages, g_strdup ("en"));
          g_ptr_array_add (follow->languages, g_strdup ("de"));
        }
      if (k % 97 == 50)
        to->locked = TRUE;
      g_ptr_array_add (followed, to);
    }
  for (guint k = 9; k < f->following; k += f == &large ? 1000 : 100)
    {
      FsActor *moved = g_ptr_array_index (followed, k);
      FsActor *successor = peer_actor (world, f->n_servers, "n", k);

      g_ptr_array_add (successor->also_known_as, g_strdup (moved->uri));
      moved->moved_to = successor;
      moved->moved_at = now - 40 * 24 * 3600;
    }

  /* Followers: the first ones are mutuals, the rest follow only. */
  for (guint k = 0; k < f->followers; k++)
    {
      FsActor *from = k < f->mutuals ? g_ptr_array_index (followed, k * 2 % f->following)
                                     : peer_actor (world, f->n_servers, "r", k);

      fs_world_add_follow (world, from, me);
    }

  for (guint k = 0; k < f->blocks; k++)
    {
      FsActor *target = peer_actor (world, f->n_servers, "b", k);

      if (k == f->blocks - 1)
        target->suspended = TRUE;   /* left out by the API, kept by the CSV export */
      fs_rows_add (world, me->blocks, target, NULL, NULL);
    }
  for (guint k = 0; k < f->mutes; k++)
    fs_actor_mute (world, me, peer_actor (world, f->n_servers, "m", k), k % 3 != 1,
                   k % 5 == 2 ? now + (gint64) (k + 1) * 3600 : 0);
  for (guint k = 0; k < f->domain_blocks; k++)
    {
      g_autofree char *domain = g_strdup_printf ("blocked%02u.example", k);

      fs_rows_add (world, me->domain_blocks, NULL, NULL, domain);
    }

  for (guint l = 0; l < f->lists; l++)
    {
      g_autofree char *title = g_strdup_printf ("List %02u, with a comma", l);
      FsList *list = fs_actor_add_list (me, title);
      guint members = l == 1 ? 0 : (l == 0 ? f->list_members
                                           : (guint) g_rand_int_range (rand, 1, f->list_members + 1));

      g_free (list->replies_policy);
      list->replies_policy = g_strdup (policies[l % 3]);
      list->exclusive = l % 4 == 3;
      for (guint m = 0; m < members; m++)
        {
          FsActor *member = g_ptr_array_index (followed, (l * 37 + m * 7) % f->following);

          if (!g_ptr_array_find (list->members, member, NULL))
            g_ptr_array_add (list->members, member);
        }
    }

  /* Bookmarks and favourites: posts by followed accounts, of every visibility they allow. */
  for (guint k = 0; k < f->bookmarks + f->favourites; k++)
    {
      FsActor *author = g_ptr_array_index (followed, (k * 3) % f->following);
      g_autofree char *text = g_strdup_printf ("Post %u by %s", k, author->username);
      FsStatus *status = fs_actor_add_status (author, text, visibilities[k % 4]);

      status->created_at = now - (gint64) (f->bookmarks + f->favourites - k) * 600;
      fs_server_status_id_for (server, status);
      fs_rows_add (world, k < f->bookmarks ? me->bookmarks : me->favourites, NULL, status, NULL);
    }

  for (guint k = 0; k < f->followed_tags; k++)
    {
      g_autofree char *tag = g_strdup_printf ("tag%02u", k);

      fs_rows_add (world, me->followed_tags, NULL, NULL, tag);
    }
  for (guint k = 0; k < f->featured_tags; k++)
    {
      g_autofree char *tag = g_strdup_printf ("featured%u", k);

      fs_rows_add (world, me->featured_tags, NULL, NULL, tag);
    }
  for (guint k = 0; k < f->filters; k++)
    {
      FsFilter *filter = g_new0 (FsFilter, 1);
      FsField *keyword = g_new0 (FsField, 1);

      filter->id = server->next_id++;
      filter->title = g_strdup_printf ("Filter %u", k);
      filter->action = g_strdup (k % 2 ? "hide" : "warn");
      filter->expires_at = k % 3 == 2 ? now + 7 * 24 * 3600 : 0;
      filter->context = g_ptr_array_new_with_free_func (g_free);
      for (guint c = 0; c <= k % G_N_ELEMENTS (contexts); c++)
        g_ptr_array_add (filter->context, g_strdup (contexts[c]));
      filter->keywords = g_ptr_array_new_with_free_func ((GDestroyNotify) fs_field_free);
      keyword->name = g_strdup_printf ("spoiler%u", k);
      keyword->value = g_strdup (k % 2 ? "1" : "0");
      g_ptr_array_add (filter->keywords, keyword);
      filter->statuses = g_ptr_array_new ();
      g_ptr_array_add (me->filters, filter);
    }
  for (guint k = 0; k < f->notes; k++)
    g_hash_table_replace (me->notes, g_ptr_array_index (followed, k * 5 % f->following),
                          g_strdup_printf ("Met at the conference, %u", k));
  for (guint k = 0; k < f->endorsements; k++)
    fs_rows_add (world, me->endorsements, g_ptr_array_index (followed, k), NULL, NULL);

  /* Posts of every visibility, some with media, some edited, a few pinned. */
  for (guint k = 0; k < f->statuses; k++)
    {
      g_autofree char *text = g_strdup_printf ("Status %u: a thought about ferries.", k);
      FsStatus *status = fs_actor_add_status (me, text, visibilities[k % G_N_ELEMENTS (visibilities)]);

      status->created_at = now - (gint64) (f->statuses - k) * 3600;
      if (k % f->media_every == 1)
        {
          FsMedia *media = g_new0 (FsMedia, 1);

          media->id = server->next_id++;
          media->type = g_strdup ("image");
          media->description = g_strdup_printf ("Picture %u", k);
          media->content_type = g_strdup ("image/png");
          media->data = fake_image (rand, 2048 + (k % 7) * 512);
          g_ptr_array_add (status->media, media);
        }
      if (k % 50 == 7)
        {
          g_ptr_array_add (status->edits, g_strdup_printf ("Status %u: first version.", k));
          status->edited_at = status->created_at + 60;
        }
      if (k % 20 == 19)
        status->in_reply_to = g_ptr_array_index (me->statuses, me->statuses->len - 2);
      status->pinned = k >= f->statuses - 3;
    }
}
