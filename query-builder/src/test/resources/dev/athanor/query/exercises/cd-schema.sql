-- A country club's members, facilities and bookings (schema cd), the shape of a well-known public SQL
-- exercise set, with small data generated here: 31 members (0 is the guest account) of whom most were
-- recommended by an earlier member, 9 facilities and about 1,500 bookings over three months of 2012.
CREATE SCHEMA cd;

CREATE TABLE cd.members (
    memid integer PRIMARY KEY,
    surname varchar(200) NOT NULL,
    firstname varchar(200) NOT NULL,
    address varchar(300) NOT NULL,
    zipcode integer NOT NULL,
    telephone varchar(20) NOT NULL,
    recommendedby integer REFERENCES cd.members (memid) ON DELETE SET NULL,
    joindate timestamp NOT NULL
);

CREATE TABLE cd.facilities (
    facid integer PRIMARY KEY,
    name varchar(100) NOT NULL,
    membercost numeric NOT NULL,
    guestcost numeric NOT NULL,
    initialoutlay numeric NOT NULL,
    monthlymaintenance numeric NOT NULL
);

CREATE TABLE cd.bookings (
    bookid integer PRIMARY KEY,
    facid integer NOT NULL REFERENCES cd.facilities (facid),
    memid integer NOT NULL REFERENCES cd.members (memid),
    starttime timestamp NOT NULL,
    slots integer NOT NULL
);

INSERT INTO cd.members VALUES (0, 'GUEST', 'GUEST', 'GUEST', 0, '(000) 000-0000', NULL, '2012-07-01 00:00:00');

INSERT INTO cd.members
SELECT i,
       (ARRAY['Smith', 'Jones', 'Rownam', 'Tracy', 'Farrell', 'Tupperware', 'Stibbons', 'Bader', 'Baker',
              'Genting', 'Mackenzie', 'Crumpet', 'Hunt', 'Owen', 'Purview', 'Butters'])[1 + i % 16],
       (ARRAY['Darren', 'Tracy', 'Tim', 'Janice', 'Gerald', 'Nancy', 'Tim', 'Ponder', 'Charles', 'David',
              'Anne', 'Timothy', 'Matthew', 'Florence', 'Jemima', 'Millicent', 'Henrietta'])[1 + i % 17],
       (i * 7) || ' Bloomington Way, Boston',
       10000 + i * 37,
       '(' || (800 + i) || ') 555-' || lpad((i * 131 % 10000)::text, 4, '0'),
       CASE WHEN i % 4 = 1 OR i < 3 THEN NULL ELSE (i * 5) % (i - 1) + 1 END,
       timestamp '2012-07-02 08:00:00' + i * interval '2 days 3 hours 17 minutes'
FROM generate_series(1, 30) AS i;

INSERT INTO cd.facilities VALUES
    (0, 'Tennis Court 1', 5, 25, 10000, 200),
    (1, 'Tennis Court 2', 5, 25, 8000, 200),
    (2, 'Badminton Court', 0, 15.5, 4000, 50),
    (3, 'Table Tennis', 0, 5, 320, 10),
    (4, 'Massage Room 1', 35, 80, 4000, 3000),
    (5, 'Massage Room 2', 35, 80, 4000, 3000),
    (6, 'Squash Court', 3.5, 17.5, 5000, 80),
    (7, 'Snooker Table', 0, 5, 450, 15),
    (8, 'Pool Table', 0, 5, 400, 15);

-- Half-hour slots from 08:00, each booking starting on the hour or the half hour of a day in July to
-- September 2012; members book only after they joined.
INSERT INTO cd.bookings
SELECT b,
       (b * 7 + b / 13) % 9,
       CASE WHEN b % 5 = 0 THEN 0 ELSE 1 + (b * 11 + b / 7) % 30 END,
       timestamp '2012-07-03 08:00:00' + (b % 90) * interval '1 day' + ((b * 3) % 24) * interval '30 minutes',
       1 + (b * 13) % 3 + CASE WHEN (b * 7 + b / 13) % 9 IN (4, 5) THEN 0 ELSE (b % 2) END
FROM generate_series(0, 1499) AS b;

DELETE FROM cd.bookings b USING cd.members m WHERE m.memid = b.memid AND b.starttime < m.joindate;
